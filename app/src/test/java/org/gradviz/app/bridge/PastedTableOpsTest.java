package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.junit.jupiter.api.Test;

/**
 * The table's newest rows import from a pasted cell in each of their spellings: abs and sqrt, and softmax and
 * log_softmax over the last dimension.
 */
class PastedTableOpsTest {

    private static GraphDocument importCell(String... lines) throws ScriptImportException {
        return new ScriptImporter().importCell(String.join("\n", lines) + "\n", "cell.py");
    }

    @Test
    void sqrtOfPythonsAbsImportsAsAbsThenSqrtAndComputesTheirGradient() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([-4.0, 9.0], requires_grad=True)",
                "y = torch.sqrt(abs(x))",
                "loss = y.sum()",
                "loss.backward()",
                "print(loss, x.grad)");

        assertEquals(List.of(OpKind.ABS, OpKind.SQRT, OpKind.SUM), d.nodes().stream().map(OpNode::op).toList());
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        compiled.backward();
        // sqrt|x| = [2, 3], so loss = 5; d sqrt|x| / dx = sgn(x) / (2 sqrt|x|) = [-1/4, 1/6]
        // (torch 1.13 prints: tensor(5., grad_fn=<SumBackward0>) tensor([-0.2500,  0.1667]))
        assertEquals("tensor(5., grad_fn=<SumBackward0>)", compiled.output().toString());
        assertEquals("tensor([-0.2500,  0.1667])", compiled.tensor("x").grad().toString());
    }

    @Test
    void theMethodSpellingsImportAsTheSameNodes() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([-4.0, 9.0], requires_grad=True)",
                "z = x.abs().sqrt() * 2");

        assertEquals(List.of(OpKind.ABS, OpKind.SQRT, OpKind.MUL), d.nodes().stream().map(OpNode::op).toList());
        // torch 1.13 prints tensor([4., 6.], grad_fn=<MulBackward0>)
        assertEquals("tensor([4., 6.], grad_fn=<MulBackward0>)", new DocumentCompiler().compile(d).output().toString());
    }

    @Test
    void theCodeWriterWritesThemAsTorchFunctions() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([-4.0, 9.0], requires_grad=True)",
                "y = torch.sqrt(abs(x))");

        // NOTE: the importer hides an unnamed value, so the writer writes it where it is used
        assertEquals(List.of("y = torch.sqrt(torch.abs(x))"),
                new PyTorchCodeWriter().forwardStatements(d));
    }

    // ----- softmax and log_softmax

    @Test
    void functionalSoftmaxImportsWithItsDimAndComputesItsGradient() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "import torch.nn.functional as F",
                "x = torch.tensor([[0.0, 1.0986123]], requires_grad=True)",
                "p = F.softmax(x, dim=1)",
                "loss = (p * torch.tensor([[1.0, 0.0]])).sum()");

        assertEquals(List.of(OpKind.SOFTMAX, OpKind.MUL, OpKind.SUM), d.nodes().stream().map(OpNode::op).toList());
        assertEquals(1, d.nodes().get(0).dim());
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        compiled.backward();
        // 1.0986123 = ln 3, so p = [1, 3] / 4; d p0 / dx = p0 · ([1, 0] − p) = [3/16, −3/16]
        // (torch 1.13 prints tensor(0.2500, grad_fn=<SumBackward0>) and tensor([[ 0.1875, -0.1875]]))
        assertEquals("tensor([[0.2500, 0.7500]], grad_fn=<SoftmaxBackward0>)", compiled.tensor("p").toString());
        assertEquals("tensor(0.2500, grad_fn=<SumBackward0>)", compiled.output().toString());
        assertEquals("tensor([[ 0.1875, -0.1875]])", compiled.tensor("x").grad().toString());
    }

    @Test
    void theModuleAndMethodSpellingsOfLogSoftmaxImportWithTheirDim() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([[0.0, 1.0986123]], requires_grad=True)",
                "a = torch.nn.LogSoftmax(dim=-1)(x)",
                "b = x.log_softmax(1)",
                "loss = a + b");

        assertEquals(List.of(OpKind.LOG_SOFTMAX, OpKind.LOG_SOFTMAX, OpKind.ADD),
                d.nodes().stream().map(OpNode::op).toList());
        assertEquals(-1, d.nodes().get(0).dim());
        assertEquals(1, d.nodes().get(1).dim());
        // log([1, 3] / 4) = [−1.3863, −0.2877], twice (torch 1.13 prints tensor([[-1.3863, -0.2877]], ...) for each)
        assertEquals("tensor([[-2.7726, -0.5754]], grad_fn=<AddBackward0>)",
                new DocumentCompiler().compile(d).output().toString());
    }

    @Test
    void theCodeWriterWritesTheTorchFunctionWithItsDim() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([[0.0, 1.0]], requires_grad=True)",
                "p = x.softmax(-1)");

        assertEquals(List.of("p = torch.softmax(x, dim=-1)"), new PyTorchCodeWriter().forwardStatements(d));
    }

    @Test
    void aSoftmaxNodeWithoutADimIsRefusedWithTheFix() {
        String json = "{\"formatVersion\": 1, \"tensors\": [{\"name\": \"x\", \"role\": \"input\", \"shape\": [2], "
                + "\"init\": {\"kind\": \"ones\"}}], \"nodes\": [{\"name\": \"p\", \"op\": \"softmax\"}], "
                + "\"edges\": [{\"from\": \"x\", \"to\": \"p\", \"port\": \"input\"}]}";

        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentReader().parse(json));
        assertTrue(e.getMessage().contains("nodes[0] \"p\": softmax needs a dim"), e.getMessage());
    }
}
