package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a cell writes a view or a reshape imports as a view or reshape node holding the sizes as one list
 * ({@code x.view(1, -1)} and {@code x.view((1, -1))} alike), computes what the cell printed, and the code writer
 * writes it back in torch's spelling, which imports to the same node.
 */
class ViewImportTest {

    /** x [2, 3] requiring grad, {@code v = EXPRESSION}, then loss = (v * v).sum(), printing v. */
    private static String cell(String expression) {
        return String.join("\n", "import torch",
                "x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)",
                "v = " + expression,
                "loss = (v * v).sum()",
                "print(v)", "");
    }

    private static GraphDocument imported(String cell) throws Exception {
        return new ScriptImporter().importCell(cell, "cell.py");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "x.view(1, -1);        VIEW;    1 -1",
            "x.view((1, -1));      VIEW;    1 -1",
            "x.view([3, 2]);       VIEW;    3 2",
            "x.view(6);            VIEW;    6",
            "x.view(size=(2, 3));  VIEW;    2 3",
            "x.reshape(3, 2);      RESHAPE; 3 2",
            "x.reshape((-1,));     RESHAPE; -1",
            "torch.reshape(x, (3, -1)); RESHAPE; 3 -1",
            "x.reshape(shape=[6]); RESHAPE; 6"})
    void eachSpellingIsOneNodeWithItsSizesAndComputesWhatTheCellPrinted(String expression, OpKind op, String sizes)
            throws Exception {
        String cell = cell(expression);
        GraphDocument d = imported(cell);
        OpNode v = d.node("v").orElseThrow();
        assertEquals(op, v.op());
        assertEquals(java.util.Arrays.stream(sizes.split(" ")).map(Long::valueOf).toList(), v.shape());
        var compiled = new DocumentCompiler().compile(d);
        assertEquals(Cells.stdout(cell), compiled.tensor("v") + "\n");
    }

    @Test
    void theCodeWriterWritesAViewAsTorchsMethodWithItsSizesSpreadOut() throws Exception {
        String written = new PyTorchCodeWriter().write(imported(cell("x.view((1, -1))")));
        assertTrue(written.contains("v = x.view(1, -1)\n"), written);
        assertEquals(imported(cell("x.view(1, -1)")).nodes(), new ScriptImporter().importCell(written, "w.py").nodes());
    }

    @Test
    void theCodeWriterWritesAReshapeAsTorchsMethod() throws Exception {
        String written = new PyTorchCodeWriter().write(imported(cell("torch.reshape(x, (3, 2))")));
        assertTrue(written.contains("v = x.reshape(3, 2)\n"), written);
        assertEquals(List.of(3L, 2L), new ScriptImporter().importCell(written, "w.py").node("v").orElseThrow()
                .shape());
    }

    @Test
    void noSizesAreWrittenAsAnEmptyTupleSinceViewWithNoArgumentsIsTorchsTypeError() throws Exception {
        String cell = String.join("\n", "import torch", "x = torch.tensor([2.0], requires_grad=True)",
                "v = x.view(())", "loss = v * v", "");
        GraphDocument d = imported(cell);
        assertEquals(List.of(), d.node("v").orElseThrow().shape());
        String written = new PyTorchCodeWriter().write(d);
        assertTrue(written.contains("v = x.view(())\n"), written);
    }

    @Test
    void aViewOfAnInputFilledInPlaceHoldsTheNumbersItWasFilledWith() throws Exception {
        // e02's make_bow_vector: zeros, counts added in place, then a view; the document must not hold zeros
        String cell = String.join("\n", "import torch",
                "vec = torch.zeros(3)", "vec[1] += 1", "vec[2] += 2",
                "w = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)",
                "loss = (vec.view(1, -1) @ w).sum()", "print(loss)", "");
        GraphDocument d = imported(cell);
        assertEquals(Cells.stdout(cell), new DocumentCompiler().compile(d).output() + "\n"); // 0 + 2 + 6 = 8
    }
}
