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
        "import torch\\nx = torch.chunk([x])|prog.py:2:5: 'torch.chunk' is not supported by gradviz",
        "import torch\\nt = torch.where([1])|prog.py:2:5: 'torch.where' is not supported by gradviz",
        "import torch\\ng = torch.autograd.gradcheck|prog.py:2:5: 'torch.autograd.gradcheck' is not supported "
                + "by gradviz",
        "import torch.nn as nn\\nm = nn.Linear(2, 3)|prog.py:2:5: 'torch.nn.Linear' is not supported by gradviz",
        "from torch import nn\\ndef f():\\n    return nn.ReLU()|prog.py:3:12: 'torch.nn.ReLU' is not supported by gradviz",
        "from torch import split|prog.py:1:19: 'torch.split' is not supported by gradviz",
        "import torch\\nimport torch.nn.functional as F\\ny = F.softmax|prog.py:3:5: "
                + "'torch.nn.functional.softmax' is not supported by gradviz",
    })
    void torchNamesPyTorchHasAreRefusedBeforeRunning(String source, String line) {
        assertRefused(source.replace("\\n", "\n") + "\n", line);
    }

    @Test
    void refusalComesBeforeAnyOutput() {
        ScriptRun run = ScriptRun.of("import torch\nprint('first')\nx = torch.chunk([x])\n");
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
    void aTensorMethodNeitherHasIsPythonsAttributeError() {
        ScriptRun run = ScriptRun.of("import torch\ntorch.ones(2).nump()\n");
        assertEquals("AttributeError: 'Tensor' object has no attribute 'nump'", run.lastErrLine());
    }
}
