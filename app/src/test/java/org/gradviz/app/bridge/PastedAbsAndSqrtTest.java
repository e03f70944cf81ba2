package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.junit.jupiter.api.Test;

/** abs and sqrt, the table's newest rows, import from a pasted cell in each of their spellings. */
class PastedAbsAndSqrtTest {

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
}
