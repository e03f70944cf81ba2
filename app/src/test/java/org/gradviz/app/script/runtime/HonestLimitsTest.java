package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What gradviz does not do is refused in one line, exit 2, never with an error Python or PyTorch would not give. */
class HonestLimitsTest {

    private static void assertRefused(String source, String line) {
        ScriptRun run = ScriptRun.of(source);
        assertAll(
                () -> assertEquals(ScriptRunner.REFUSED, run.exitCode(), () -> "stderr: " + run.err()),
                () -> assertEquals(line + "\n", run.err()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "import numpy as np|prog.py:1:8: 'import numpy' is not supported by gradviz",
        "import matplotlib.pyplot as plt|prog.py:1:8: 'import matplotlib.pyplot' is not supported by gradviz",
        "import torchvision|prog.py:1:8: 'import torchvision' is not supported by gradviz",
        "import torch\\nx = torch.kron([x])|prog.py:2:5: 'torch.kron' is not supported by gradviz",
        "import torch\\nt = torch.cross([1])|prog.py:2:5: 'torch.cross' is not supported by gradviz",
        "import torch\\ng = torch.autograd.NestedIOFunction|prog.py:2:5: 'torch.autograd.NestedIOFunction' is not supported "
                + "by gradviz",
        "import torch.nn as nn\\nm = nn.Conv2d(1, 1, 3)|prog.py:2:5: 'torch.nn.Conv2d' is not supported by gradviz",
        "from torch import nn\\ndef f():\\n    return nn.Dropout2d()|prog.py:3:12: 'torch.nn.Dropout2d' is not supported by gradviz",
        "from torch import tensordot|prog.py:1:19: 'torch.tensordot' is not supported by gradviz",
        "f = frozenset([1])|prog.py:1:5: 'frozenset' is not supported by gradviz",
        "import torch\\nprint(1)\\ntorch.mul(torch.ones(1), 2, out=torch.ones(1))|prog.py:3:29: "
                + "'torch.mul(out=...)' is not supported by gradviz",
        "def g():\\n    return dir(3)|prog.py:2:12: 'dir' is not supported by gradviz",
        "import torch\\nimport torch.nn.functional as F\\ny = F.dropout2d|prog.py:3:5: "
                + "'torch.nn.functional.dropout2d' is not supported by gradviz",
        "import torch.nn as nn\\nimport torch\\nnn.init.trunc_normal_(torch.empty(3))|prog.py:3:1: "
                + "'torch.nn.init.trunc_normal_' is not supported by gradviz",
        "import torch\\nimport torch.optim.swa_utils as s|prog.py:2:8: 'import torch.optim.swa_utils' is not "
                + "supported by gradviz",
    })
    void torchNamesPyTorchHasAreRefusedBeforeRunning(String source, String line) {
        assertRefused(source.replace("\\n", "\n") + "\n", line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "m = nn.Linear(2, 1)\\nm.half()|prog.py:4:1: 'Module.half' is not supported by gradviz",
        "m = nn.Hardswish()|prog.py:3:5: 'torch.nn.Hardswish' is not supported by gradviz",
        "x = torch.ones(2, requires_grad=True)\\ny = x // 2|prog.py:4:5: '//' (floor_divide) of a tensor that "
                + "requires grad is not supported by gradviz",
        "y = torch.where(torch.ones(2) > 0)|prog.py:3:5: 'torch.where(condition)' (the indices of its true "
                + "elements) is not supported by gradviz",
        "y = nn.L1Loss()(torch.ones(3), torch.ones(3, 1))|prog.py:3:5: 'l1_loss' of an input and a target of "
                + "different sizes is not supported by gradviz",
        "y = nn.CrossEntropyLoss(label_smoothing=0.1)(torch.ones(3), torch.tensor(1))|prog.py:3:5: "
                + "'cross_entropy(label_smoothing=...)' of an input that is not 2-D is not supported by gradviz",
        "y = nn.L1Loss(reduce=False)|prog.py:3:5: 'nn.L1Loss(reduce=...)' (deprecated; use reduction=) is not "
                + "supported by gradviz",
        "m = nn.MSELoss(size_average=False)|prog.py:3:5: 'nn.MSELoss(size_average=...)' is not supported by gradviz",
        "o = torch.optim.LBFGS([])|prog.py:3:5: 'torch.optim.LBFGS' is not supported by gradviz",
        "o = torch.optim.Adam(nn.Linear(1, 1).parameters(), fused=True)|prog.py:3:5: 'Adam(fused=True)' is not "
                + "supported by gradviz",
        "o = torch.optim.SGD([{'params': nn.Linear(1, 1).parameters(), 'lr': 1}])\\nprint(o.defaults)|prog.py:4:7: "
                + "'Optimizer.defaults' of an optimiser whose lr is given only in its groups is not supported by gradviz",
        "s = torch.optim.lr_scheduler.MultiStepLR(torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=1), [2])\\n"
                + "s.milestones.most_common()|prog.py:4:1: 'Counter.most_common' is not supported by gradviz",
        "s = torch.optim.lr_scheduler.MultiStepLR(torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=1), [2])\\n"
                + "s.milestones.update([2])|prog.py:4:1: 'Counter.update' is not supported by gradviz",
        "o = torch.optim.ASGD(nn.Linear(1, 1).parameters())|prog.py:3:5: 'torch.optim.ASGD' is not supported by "
                + "gradviz",
        "m = nn.BatchNorm3d(4)|prog.py:3:5: 'torch.nn.BatchNorm3d' is not supported by gradviz",
        "y = nn.BatchNorm1d(3)(torch.ones(3, 4).t())|prog.py:3:5: 'batch_norm' of a non-contiguous input (e.g. a "
                + "transposed view; call .contiguous()) is not supported by gradviz",
        "o = torch.optim.SGD(nn.Linear(1, 1).parameters(), lr=1)\\no.param_groups[0]['dampening'] = 0.5\\no.step()"
                + "|prog.py:5:1: changing 'dampening' in param_groups is not supported by gradviz",
        "y = nn.MSELoss()(torch.ones(2, 1), torch.ones(2))|prog.py:3:5: 'mse_loss' of an input and a target of "
                + "different sizes is not supported by gradviz",
        "y = nn.Linear(2, 1)(torch.ones(4, 3, 2))|prog.py:3:5: 'nn.Linear' of an input with more than 2 dimensions "
                + "is not supported by gradviz",
        "y = nn.CrossEntropyLoss()(torch.ones(2, 3, 4), torch.zeros(2, 4).long())|prog.py:3:5: 'nll_loss' of an "
                + "input with more than 2 dimensions is not supported by gradviz",
        "y = torch.linalg.matrix_norm(torch.ones(2, 3), 'nuc')|prog.py:3:5: 'torch.linalg.matrix_norm(ord='nuc')' "
                + "(singular values) is not supported by gradviz",
        "y = torch.linalg.norm(torch.ones(2, 3), -2)|prog.py:3:5: 'torch.linalg.matrix_norm(ord=-2)' (singular "
                + "values) is not supported by gradviz",
        "y = torch.ones(2, 3).norm(p='nuc')|prog.py:3:5: 'norm(p=\"nuc\")' (singular values) is not supported by "
                + "gradviz",
        "y = torch.linalg.svd(torch.ones(2, 2))|prog.py:3:5: 'torch.linalg.svd' is not supported by gradviz",
    })
    void torchNnAndOptimBeyondTheSubsetAreRefusedWhenReached(String source, String line) {
        assertRefused("import torch\nimport torch.nn as nn\n" + source.replace("\\n", "\n") + "\n", line);
    }

    @Test
    void refusalComesBeforeAnyOutput() {
        ScriptRun run = ScriptRun.of("import torch\nprint('first')\nx = torch.kron([x])\n");
        assertEquals("", run.out());
        assertEquals(ScriptRunner.REFUSED, run.exitCode());
    }

    @Test
    void aNameTorchDoesNotHaveEitherIsPythonsAttributeError() {
        ScriptRun run = ScriptRun.of("import torch\nx = torch.tensr([1.0])\n");
        assertEquals(ScriptRunner.FAILED, run.exitCode());
        assertEquals("AttributeError: module 'torch' has no attribute 'tensr'", run.lastErrLine());
    }

    @Test
    void aTensorMethodGradvizLacksStopsTheRunWithTheRefusalLine() {
        assertRefused("import torch\nx = torch.ones(2)\nprint(x.numpy())\n",
                "prog.py:3:7: 'Tensor.numpy' is not supported by gradviz");
    }

    @Test
    void aRefusalAtRunTimeIsNotCaughtByExcept() {
        assertRefused("import torch\ntry:\n    torch.ones(2).numpy()\nexcept Exception:\n    print('caught')\n",
                "prog.py:3:5: 'Tensor.numpy' is not supported by gradviz");
    }

    @Test
    void aMethodOfPythonsOwnTypesGradvizLacksIsRefusedNotAnAttributeError() {
        assertRefused("s = 'ab'\nprint(s.swapcase())\n", "prog.py:2:7: 'str.swapcase' is not supported by gradviz");
        assertRefused("xs = [1]\nxs.extend([2])\nd = {}\nd.popitem()\n",
                "prog.py:4:1: 'dict.popitem' is not supported by gradviz");
        ScriptRun run = ScriptRun.of("s = 'ab'\ns.swapcas()\n");
        assertEquals("AttributeError: 'str' object has no attribute 'swapcas'", run.lastErrLine());
    }

    @Test
    void anEmptyTensorWithADimensionBeyondAnIntIsRefusedNotAnInternalError() {
        assertRefused("import torch\nx = torch.randn(10**18, 0, requires_grad=True)\n",
                "prog.py:2:1: a dimension of 1000000000000000000 (more than 2**31 - 1) is not supported by gradviz");
    }

    @Test
    void normalWithTensorsOfMeansIsRefusedWhenReached() {
        assertRefused("import torch\ny = torch.normal(torch.zeros(2), 1.0)\n",
                "prog.py:2:5: 'torch.normal' with a tensor of means or deviations is not supported by gradviz");
    }

    @Test
    void aTensorMethodNeitherHasIsPythonsAttributeError() {
        ScriptRun run = ScriptRun.of("import torch\ntorch.ones(2).nump()\n");
        assertEquals("AttributeError: 'Tensor' object has no attribute 'nump'", run.lastErrLine());
    }
}
