package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The torch API of the subset, against what python3 + torch 1.13 prints. */
class TensorScriptTest {

    private static String out(String body) {
        ScriptRun run = ScriptRun.of("import torch\nimport torch.nn.functional as F\n" + body);
        assertEquals(0, run.exitCode(), () -> "stderr: " + run.err());
        return run.out();
    }

    private static String error(String body) {
        ScriptRun run = ScriptRun.of("import torch\n" + body);
        assertEquals(ScriptRunner.FAILED, run.exitCode(), () -> "stdout: " + run.out());
        return run.lastErrLine();
    }

    @Test
    void tensorOfIntsIsInt64AndOfFloatsFloat32() {
        assertEquals("torch.int64 torch.float32 torch.float64 torch.bool\n", out(
                "print(torch.tensor([1, 2]).dtype, torch.tensor([1, 2.5]).dtype, "
                        + "torch.tensor([1], dtype=torch.float64).dtype, torch.tensor([True]).dtype)"));
    }

    @Test
    void nestedListsGiveTheirShape() {
        assertEquals("torch.Size([2, 3]) 2 6 3\n",
                out("t = torch.tensor([[1, 2, 3], [4, 5, 6]])\nprint(t.shape, t.dim(), t.numel(), t.size(1))"));
    }

    @Test
    void raggedListsRaiseValueError() {
        assertEquals("ValueError: expected sequence of length 2 at dim 1 (got 1)", error("torch.tensor([[1, 2], [3]])"));
    }

    @Test
    void factoriesTakeSizesAsVarargsOrTuple() {
        assertEquals("tensor([[1., 1.]]) tensor([[0., 0.]], dtype=torch.float64) tensor([[1., 0.]])\n",
                out("print(torch.ones(1, 2), torch.zeros((1, 2), dtype=torch.float64), torch.eye(1, 2))"));
    }

    @Test
    void seededRandnMatchesPyTorch() {
        assertEquals("tensor([ 1.5410, -0.2934, -2.1788])\n", out("torch.manual_seed(0)\nprint(torch.randn(3))"));
    }

    @Test
    void numberOperandsOnEitherSideRecordPyTorchsNodes() {
        assertEquals("AddBackward0 AddBackward0 MulBackward0 RsubBackward1 MulBackward0 PowBackward0 PowBackward1 "
                + "NegBackward0 DivBackward0\n", out("""
                x = torch.ones(2, requires_grad=True)
                ops = [x + 1, 1 + x, 3 * x, 1 - x, 2 / x, x ** 2, 2 ** x, -x, x / 2]
                names = []
                for i in range(len(ops)):
                    names.append(ops[i].grad_fn.name())
                print(' '.join(names))
                """));
    }

    @Test
    void backwardFillsLeafGradients() {
        assertEquals("tensor([2., 4.])\n", out("""
                x = torch.tensor([1.0, 2.0], requires_grad=True)
                (x * x).sum().backward()
                print(x.grad)
                """));
    }

    @Test
    void backwardTakesGradientAndRetainGraphKeywords() {
        assertEquals("tensor([2., 2.])\n", out("""
                x = torch.ones(2, requires_grad=True)
                y = x * 1
                y.backward(gradient=torch.ones(2), retain_graph=True)
                y.backward(torch.ones(2))
                print(x.grad)
                """));
    }

    @Test
    void backwardWithoutGradFnRaisesPyTorchsError() {
        assertEquals("RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn",
                error("torch.tensor(1.0).backward()"));
    }

    @Test
    void inPlaceOnLeafOutsideNoGradRaises() {
        assertEquals("RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.",
                error("w = torch.ones(2, requires_grad=True)\nw -= 1"));
    }

    @Test
    void inPlaceUpdateInsideNoGradKeepsTheLeaf() {
        assertEquals("tensor([0.5000, 0.5000], requires_grad=True) True\n", out("""
                w = torch.ones(2, requires_grad=True)
                v = w
                with torch.no_grad():
                    w *= 0.5
                print(v, v.is_leaf)
                """));
    }

    @Test
    void noGradTurnsRecordingOffAndRestoresIt() {
        assertEquals("False False True\n", out("""
                x = torch.ones(1, requires_grad=True)
                with torch.no_grad():
                    y = x * 2
                    inside = torch.is_grad_enabled()
                print(y.requires_grad, inside, torch.is_grad_enabled())
                """));
    }

    @Test
    void gradCanBeSetToNone() {
        assertEquals("None\n", out("""
                x = torch.ones(1, requires_grad=True)
                (x * 2).sum().backward()
                x.grad = None
                print(x.grad)
                """));
    }

    @Test
    void indexingAOneDimTensorGivesAZeroDimTensorWithSelectBackward() {
        assertEquals("tensor(2., grad_fn=<SelectBackward0>) tensor([0., 1., 0.])\n", out("""
                x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
                y = x[1]
                y.backward()
                print(y, x.grad)
                """));
    }

    @Test
    void tensorMethodsMirrorTorchFunctions() {
        assertEquals("tensor([[3.],\n        [7.]]) tensor(1.5000) tensor([0.0000, 0.5000, 1.0000]) 3 [1.5]\n", out("""
                m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
                print(m.sum(dim=1, keepdim=True), torch.tensor([1.0, 2.0]).mean(), \
                torch.clamp(torch.tensor([-1.0, 0.5, 2.0]), min=0.0, max=1.0), torch.tensor(3).item(), \
                torch.tensor([1.5]).tolist())
                """));
    }

    @Test
    void functionalLossesAndLinear() {
        assertEquals("tensor([[3.]], grad_fn=<AddmmBackward0>) tensor(2.)\n", out("""
                w = torch.tensor([[1.0, 2.0]], requires_grad=True)
                print(F.linear(torch.ones(1, 2), w, torch.zeros(1)), F.mse_loss(torch.ones(2), torch.zeros(2), reduction="sum"))
                """));
    }

    @Test
    void lossShapeMismatchRaisesValueError() {
        assertEquals("ValueError: Target size (torch.Size([3])) must be the same as input size (torch.Size([4]))",
                error("import torch.nn.functional as F\nF.binary_cross_entropy_with_logits(torch.ones(4), torch.ones(3))"));
    }

    @Test
    void sgdStepsTheParameters() {
        assertEquals("tensor([0.8000], requires_grad=True)\n", out("""
                w = torch.ones(1, requires_grad=True)
                opt = torch.optim.SGD([w], lr=0.1)
                opt.zero_grad()
                (w * 2).sum().backward()
                opt.step()
                print(w)
                """));
    }

    @Test
    void gradFnPrintsLikeAPythonObject() {
        String printed = out("x = torch.ones(1, requires_grad=True)\nprint((x + 1).grad_fn)");
        assertEquals(true, printed.matches("<AddBackward0 object at 0x[0-9a-f]+>\n"), printed);
    }

    @Test
    void fromImportsBindModules() {
        assertEquals("tensor([0., 1.])\n", out("from torch import nn\nprint(nn.functional.relu(torch.tensor([-1.0, 1.0])))"));
    }
}
