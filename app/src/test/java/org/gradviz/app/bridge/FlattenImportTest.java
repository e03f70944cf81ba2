package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch tutorials' flattens import as flatten nodes with torch's start_dim and end_dim (issue #12):
 * {@code nn.Flatten()} of the Build-the-Neural-Network tutorial is (1, -1), {@code nn.Flatten(0, 1)} of the
 * polynomial ones (0, 1); and what a cell prepares outside autograd with ops a document has no node for
 * ({@code x.unsqueeze(-1).pow(p)}) is a source of its numbers.
 */
class FlattenImportTest {

    private static String program(String name) throws Exception {
        Path p = Path.of(FlattenImportTest.class.getResource("/fixtures/python/programs/" + name + ".py").toURI());
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static GraphDocument importProgram(String name) throws Exception {
        return new ScriptImporter().importCell(program(name), name + ".py");
    }

    private static OpNode onlyFlatten(GraphDocument d) {
        List<OpNode> flattens = d.nodes().stream().filter(n -> n.op() == OpKind.FLATTEN).toList();
        assertEquals(1, flattens.size(), d.nodes().toString());
        return flattens.get(0);
    }

    @Test
    void theBuildModelTutorialsNnFlattenIsAFlattenFromDimensionOne() throws Exception {
        GraphDocument d = importProgram("g14_buildmodel_tutorial");
        OpNode flatten = onlyFlatten(d);
        assertEquals(1, flatten.startDim());
        assertEquals(-1, flatten.endDim());
        List<Connection> in = d.edgesInto(flatten.name());
        assertEquals(1, in.size());
        TensorSource image = d.tensor(in.get(0).from()).orElseThrow();
        assertEquals(List.of(3, 28, 28), image.shape());
        // the flattened images feed the first linear layer
        assertTrue(d.edges().stream().anyMatch(e -> e.from().equals(flatten.name()) && e.port().equals("input")
                && d.node(e.to()).orElseThrow().op() == OpKind.LINEAR), d.edges().toString());
    }

    @Test
    void thePolynomialNnTutorialsFlattenMergesDimensionsZeroAndOneOfTheLinearOutput() throws Exception {
        assertPolynomialNetwork(importProgram("n92_tutorial_polynomial_nn_sin_full"));
    }

    @Test
    void thePolynomialOptimTutorialsFlattenMergesDimensionsZeroAndOneOfTheLinearOutput() throws Exception {
        assertPolynomialNetwork(importProgram("n93_tutorial_polynomial_optim_sin_full"));
    }

    private static void assertPolynomialNetwork(GraphDocument d) {
        OpNode flatten = onlyFlatten(d);
        assertEquals(0, flatten.startDim());
        assertEquals(1, flatten.endDim());
        Connection in = d.edgesInto(flatten.name()).get(0);
        assertEquals(OpKind.LINEAR, d.node(in.from()).orElseThrow().op());
        // the loss compares the flattened prediction with y
        assertTrue(d.edges().stream().anyMatch(e -> e.from().equals(flatten.name())
                && d.node(e.to()).orElseThrow().op() == OpKind.MSE_LOSS), d.edges().toString());
        // xx = x.unsqueeze(-1).pow(p) was made outside autograd, with no node for unsqueeze: its numbers
        TensorSource xx = d.tensor("xx").orElseThrow();
        assertEquals(TensorRole.INPUT, xx.role());
        assertEquals(List.of(2000, 3), xx.shape());
    }

    @Test
    void aConstantPreparedWithOpsWithoutNodesImportsAsItsNumbers() throws Exception {
        GraphDocument d = new ScriptImporter().importCell(String.join("\n",
                "import torch",
                "x = torch.tensor([0.5, 2.0, 3.0])",
                "p = torch.tensor([1, 2])",
                "xx = x.unsqueeze(-1).pow(p)",
                "w = torch.ones(2, requires_grad=True)",
                "loss = (xx @ w).sum()", ""), "cell.py");
        TensorSource xx = d.tensor("xx").orElseThrow();
        assertEquals(TensorRole.INPUT, xx.role());
        assertEquals(List.of(3, 2), xx.shape());
        // (x, x ** 2) per row, by hand
        assertEquals(new Initializer.Values(List.of(0.5, 0.25, 2.0, 4.0, 3.0, 9.0)), xx.init());
        assertTrue(d.tensor("x").isEmpty() && d.tensor("p").isEmpty(), d.tensors().toString());
    }

    @Test
    void aConstantMadeFromATensorThatRequiresGradIsStillRefused() {
        ScriptImportException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptImportException.class,
                () -> new ScriptImporter().importCell(String.join("\n",
                        "import torch",
                        "w = torch.ones(2, requires_grad=True)",
                        "c = w.detach().unsqueeze(0)",
                        "loss = (c * w).sum()", ""), "cell.py"));
        assertEquals(List.of(3), e.lines());
    }
}
