package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

class ScriptImporterTest {

    private static GraphDocument importCell(String... lines) throws ScriptImportException {
        return new ScriptImporter().importCell(String.join("\n", lines) + "\n", "cell.py");
    }

    private static ScriptImportException refusal(String... lines) {
        return assertThrows(ScriptImportException.class, () -> importCell(lines));
    }

    /** The compiled document's output prints as the cell's first print. */
    private static void assertComputesWhatTheCellPrints(GraphDocument d, String... lines) {
        String printed = Cells.stdout(String.join("\n", lines) + "\n");
        String computed = new DocumentCompiler().compile(d).output().toString();
        assertTrue(printed.startsWith(computed + "\n"), () -> "printed:\n" + printed + "computed:\n" + computed);
    }

    // ----- torch.nn cells: a module's call is its functional op, a program's Module runs its forward line by line

    @Test
    void dropoutWhileTrainingIsRefusedWithTheFixAndVanishesInEvaluationMode() throws Exception {
        String[] head = {
            "import torch",
            "import torch.nn as nn",
            "from collections import OrderedDict",
            "torch.manual_seed(0)",
            "model = nn.Sequential(OrderedDict([('fc', nn.Linear(3, 2)), ('drop', nn.Dropout(0.5))]))",
            "x = torch.ones(4, 3)"};
        String[] training = java.util.stream.Stream.concat(java.util.Arrays.stream(head),
                java.util.stream.Stream.of("loss = model(x).sum()", "print(loss)")).toArray(String[]::new);
        ScriptImportException e = refusal(training);
        assertTrue(e.getMessage().startsWith("cell.py:7: dropout() has no node in a graph document (it draws a new "
                + "mask at every step); call model.eval()"), e.getMessage());

        String[] evaluated = java.util.stream.Stream.concat(java.util.Arrays.stream(head),
                java.util.stream.Stream.of("model.eval()", "loss = model(x).sum()", "print(loss)"))
                .toArray(String[]::new);
        GraphDocument d = importCell(evaluated);
        assertEquals(List.of(OpKind.LINEAR, OpKind.SUM), d.nodes().stream().map(OpNode::op).toList());
        assertComputesWhatTheCellPrints(d, evaluated);
    }

    @Test
    void aSequentialOfLinearLayersImportsAsLinearNodesWithTheirDrawnWeightsAndBiases() throws Exception {
        String[] cell = {
            "import torch",
            "import torch.nn as nn",
            "torch.manual_seed(0)",
            "x = torch.ones(4, 5)",
            "y = torch.zeros(4, 1)",
            "model = nn.Sequential(nn.Linear(5, 3), nn.ReLU(), nn.Linear(3, 1))",
            "loss_fn = nn.MSELoss(reduction=\"sum\")",
            "loss = loss_fn(model(x), y)",
            "print(loss)"};

        GraphDocument d = importCell(cell);

        assertEquals(List.of(OpKind.LINEAR, OpKind.RELU, OpKind.LINEAR, OpKind.MSE_LOSS),
                d.nodes().stream().map(OpNode::op).toList());
        assertEquals(List.of("x", "y", "weight1", "bias1", "weight2", "bias2"),
                d.tensors().stream().map(TensorSource::name).toList());
        assertEquals(List.of(3, 5), d.tensors().get(2).shape(), "nn.Linear(5, 3).weight is 3 x 5");
        assertTrue(d.tensors().get(2).requiresGrad());
        assertEquals("sum", d.nodes().get(3).reduction());
        // torch 1.13 prints tensor(0.3555, grad_fn=<MseLossBackward0>) for this cell: the drawn weights came along
        assertEquals("tensor(0.3555, grad_fn=<MseLossBackward0>)", Cells.stdout(String.join("\n", cell) + "\n").strip());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void aModuleSubclassIsImportedThroughItsForward() throws Exception {
        String[] cell = {
            "import torch",
            "class TwoLayerNet(torch.nn.Module):",
            "    def __init__(self, d_in, h, d_out):",
            "        super().__init__()",
            "        self.linear1 = torch.nn.Linear(d_in, h)",
            "        self.linear2 = torch.nn.Linear(h, d_out)",
            "    def forward(self, x):",
            "        h_relu = self.linear1(x).clamp(min=0)",
            "        return self.linear2(h_relu)",
            "torch.manual_seed(1)",
            "x = torch.ones(2, 4)",
            "target = torch.ones(2, 2)",
            "model = TwoLayerNet(4, 3, 2)",
            "loss = torch.nn.functional.mse_loss(model(x), target)",
            "print(loss)"};

        GraphDocument d = importCell(cell);

        assertEquals(List.of(OpKind.LINEAR, OpKind.CLAMP, OpKind.LINEAR, OpKind.MSE_LOSS),
                d.nodes().stream().map(OpNode::op).toList());
        assertTrue(d.nodes().stream().anyMatch(n -> n.name().equals("h_relu")), "forward's own variable names");
        // torch 1.13: tensor(1.3821, grad_fn=<MseLossBackward0>)
        assertEquals("tensor(1.3821, grad_fn=<MseLossBackward0>)", Cells.stdout(String.join("\n", cell) + "\n").strip());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void aCustomFunctionIsImportedThroughItsForwardThoughItRanUnderNoGrad() throws Exception {
        String[] cell = {
            "import torch",
            "class Legendre3(torch.autograd.Function):",
            "    @staticmethod",
            "    def forward(ctx, input):",
            "        ctx.save_for_backward(input)",
            "        return 0.5 * (5 * input ** 3 - 3 * input)",
            "    @staticmethod",
            "    def backward(ctx, grad_output):",
            "        input, = ctx.saved_tensors",
            "        return grad_output * 1.5 * (5 * input ** 2 - 1)",
            "x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)",
            "loss = Legendre3.apply(x * 2).sum()",
            "print(loss)"};

        GraphDocument d = importCell(cell);

        assertEquals(List.of(OpKind.MUL, OpKind.POW, OpKind.MUL, OpKind.MUL, OpKind.SUB, OpKind.MUL, OpKind.SUM),
                d.nodes().stream().map(OpNode::op).toList());
        // torch 1.13: tensor(138., grad_fn=<SumBackward0>) (P3 at 1, -2 and 4: 1 - 17 + 154)
        assertEquals("tensor(138., grad_fn=<SumBackward0>)", Cells.stdout(String.join("\n", cell) + "\n").strip());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void aConversionOfATensorOutsideTheGraphIsALeafOfItsNumbers() throws Exception {
        String[] cell = {
            "import torch",
            "x = torch.Tensor([-4.0, 0.5]).double()",
            "x.requires_grad = True",
            "y = (x * x).tanh().sum()",
            "print(y)"};

        GraphDocument d = importCell(cell);

        assertEquals(List.of("x"), d.tensors().stream().map(TensorSource::name).toList());
        assertEquals("float64", d.tensors().get(0).dtype());
        assertTrue(d.tensors().get(0).requiresGrad());
        // torch 1.13: tensor(1.2449, dtype=torch.float64, grad_fn=<SumBackward0>) (tanh 16 + tanh 0.25)
        assertEquals("tensor(1.2449, dtype=torch.float64, grad_fn=<SumBackward0>)",
                Cells.stdout(String.join("\n", cell) + "\n").strip());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void aConversionInsideTheGraphIsRefusedWithItsLine() {
        ScriptImportException e = refusal(
            "import torch",
            "x = torch.ones(2, requires_grad=True)",
            "y = (x * 2).double().sum()");
        assertTrue(e.getMessage().startsWith("cell.py:3: double() of a tensor in the graph has no node"),
                e.getMessage());
    }

    @Test
    void aModulesOwnParametersTakeTheNamesOfTheirAttributes() throws Exception {
        String[] cell = {
            "import torch",
            "class Line(torch.nn.Module):",
            "    def __init__(self):",
            "        super().__init__()",
            "        self.a = torch.nn.Parameter(torch.randn(()))",
            "        self.b = torch.nn.Parameter(torch.randn(()))",
            "    def forward(self, x):",
            "        return self.a + self.b * x",
            "torch.manual_seed(0)",
            "x = torch.linspace(-1.0, 1.0, 5)",
            "y = 2 * x",
            "model = Line()",
            "loss = (model(x) - y).pow(2).sum()",
            "print(loss)"};

        GraphDocument d = importCell(cell);

        assertEquals(List.of("x", "a", "b"), d.tensors().stream().map(TensorSource::name).toList().subList(0, 3));
        assertEquals(TensorRole.PARAMETER, d.tensors().get(1).role());
        // torch 1.13: tensor(25.0229, grad_fn=<SumBackward0>)
        assertEquals("tensor(25.0229, grad_fn=<SumBackward0>)", Cells.stdout(String.join("\n", cell) + "\n").strip());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void aModuleWithNoNodeInADocumentIsRefusedAtTheLineThatCalledIt() {
        ScriptImportException e = refusal(
                "import torch",
                "import torch.nn as nn",
                "logits = nn.Linear(3, 2)(torch.ones(4, 3))",
                "loss = nn.Dropout(0.5)(logits).sum()");
        assertEquals(List.of(4), e.lines());
        assertTrue(e.getMessage().startsWith("cell.py:4: dropout() has no node in a graph document"),
                e.getMessage());
    }

    // ----- refusals

    @Test
    void indexingATensorInTheGraphIsRefusedWithItsLine() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(3, requires_grad=True)",
                "first = w[0]",
                "loss = first * 2");
        assertEquals(List.of(3), e.lines());
        assertTrue(e.getMessage().startsWith("cell.py:3: indexing a tensor (t[i])"), e.getMessage());
    }

    @Test
    void slicingATensorRunsButHasNoNodeInAGraphDocument() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(3, requires_grad=True)",
                "loss = w[0:2].sum()");
        // `gradviz run` slices (#12); a graph document has no slice node, so the import names the line, as for t[i]
        assertTrue(e.getMessage().startsWith("cell.py:3: indexing a tensor (t[i])"), e.getMessage());
    }

    @Test
    void aSumOverSeveralDimsRunsButIsRefusedWithItsLineAndTheFix() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(2, 3, 4, requires_grad=True)",
                "loss = w.sum(dim=(0, 2)).sum()");
        assertEquals(List.of(3), e.lines());
        assertTrue(e.getMessage().startsWith("cell.py:3: ") && e.getMessage().contains("reduces 2 at once")
                && e.getMessage().contains("x.sum(2).sum(0)"), e.getMessage());
    }

    @Test
    void addWithAlphaRunsButIsRefusedWithItsLine() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(3, requires_grad=True)",
                "b = torch.ones(3, requires_grad=True)",
                "loss = torch.add(w, b, alpha=2).sum()");
        assertEquals(List.of(4), e.lines());
        assertTrue(e.getMessage().contains("has no alpha"), e.getMessage());
    }

    @Test
    void softmaxOverTheFirstDimImportsAndComputesWhatTheCellPrints() throws ScriptImportException {
        String[] cell = {
            "import torch",
            "x = torch.tensor([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]], requires_grad=True)",
            "y = torch.softmax(x, 0)",
            "print(y)"};
        assertComputesWhatTheCellPrints(importCell(cell), cell);
    }

    @Test
    void importingNumpyIsRefusedWithItsLineAndColumn() {
        ScriptImportException e = refusal(
                "import torch",
                "import numpy as np",
                "x = torch.ones(2)");
        assertEquals("cell.py:2:8: 'import numpy' is not supported by gradviz", e.getMessage());
    }

    @Test
    void anUncaughtPythonErrorIsRefusedWithItsLine() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(2, 3, requires_grad=True)",
                "x = torch.ones(2)",
                "loss = torch.matmul(w, x).sum()");
        assertEquals("cell.py:4: RuntimeError: size mismatch, got 2, 2x3,2", e.getMessage());
    }

    @Test
    void aSyntaxErrorIsRefusedWithLineAndColumn() {
        ScriptImportException e = refusal(
                "import torch",
                "x = torch.ones(2",
                "y = x * 2");
        ImportProblem p = e.problems().get(0);
        assertEquals(1, e.problems().size());
        assertTrue(p.line() >= 2 && p.column() > 0, p.toString());
        assertTrue(e.getMessage().startsWith("cell.py:" + p.line() + ":" + p.column() + ": SyntaxError"),
                e.getMessage());
    }

    @Test
    void aConstructOutsideTheSubsetIsRefusedWithLineAndColumn() {
        ScriptImportException e = refusal(
                "import torch",
                "async def f(): pass",
                "x = torch.ones(2)");
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.problems().get(0).column() > 0);
    }

    @Test
    void everyUnsupportedLineInTheGraphIsListedInLineOrder() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(3, requires_grad=True)",
                "a = 1 - w",
                "b = w[1]",
                "loss = (a * b).sum()");
        assertEquals(List.of(3, 4), e.lines());
        assertTrue(e.getMessage().contains("cell.py:3: a number on the left of - has no node in a graph document; "
                + "write -t + n instead of n - t"), e.getMessage());
    }

    @Test
    void anUnsupportedTensorOutsideTheOutputsGraphIsNoProblem() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor([1.0, 2.0], requires_grad=True)",
                "unused = x[0]",
                "out = x * x",
                "out.backward(torch.ones_like(out))");
        assertEquals(List.of(OpNode.of("out", OpKind.MUL)), d.nodes());
    }

    @Test
    void anOpUnderNoGradIsRefused() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(3, requires_grad=True)",
                "with torch.no_grad():",
                "    h = w * 2",
                "loss = (h + w).sum()");
        assertEquals(List.of(4), e.lines());
        assertTrue(e.getMessage().contains("torch.no_grad()"), e.getMessage());
    }

    @Test
    void aBoolTensorIsRefusedAtItsFactory() {
        ScriptImportException e = refusal(
                "import torch",
                "k = torch.tensor([True, False])",
                "w = torch.ones(2, requires_grad=True)",
                "loss = (w * k).sum()");
        assertEquals(List.of(2), e.lines());
        assertTrue(e.getMessage().contains("makes bool"), e.getMessage());
    }

    @Test
    void aTensorFromTheGradIsRefusedWhereItIsUsed() {
        ScriptImportException e = refusal(
                "import torch",
                "w = torch.ones(2, requires_grad=True)",
                "(w * 3).sum().backward()",
                "g = w.grad",
                "loss = (w * g).sum()");
        assertEquals(List.of(4), e.lines());
    }

    @Test
    void aCellWithoutAGraphIsRefused() {
        ScriptImportException e = refusal("import torch", "print(torch.ones(2))");
        assertEquals(List.of(0), e.lines());
        assertTrue(e.getMessage().startsWith("cell.py: the cell builds no graph"), e.getMessage());
    }

    @Test
    void aLeafAsTheOutputIsRefused() {
        ScriptImportException e = refusal("import torch", "loss = torch.ones(3, requires_grad=True)");
        assertEquals("cell.py:2: the output is the tensor torch.ones() made, which has no graph; compute the "
                + "output from it with torch ops", e.getMessage());
    }

    // ----- what the document holds

    @Test
    void theOutputIsLossElseTheLastAssignedTensorWithAGradFn() throws Exception {
        GraphDocument withLoss = importCell(
                "import torch",
                "x = torch.tensor(2.0, requires_grad=True)",
                "loss = x * 3",
                "later = loss + 1");
        assertEquals("loss", withLoss.output());
        GraphDocument without = importCell(
                "import torch",
                "x = torch.tensor(2.0, requires_grad=True)",
                "a = x * 3",
                "b = a + 1",
                "c = torch.ones(2)");
        assertEquals("b", without.output());
    }

    @Test
    void anUnnamedIntermediateIsNamedAfterItsOpAndHidesItsValue() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "x = torch.tensor(4.0, requires_grad=True)",
                "z = torch.sin(x ** 2)");
        assertEquals(List.of(new OpNode("pow1", OpKind.POW, null, null, null, null, null, null, null, null, 2.0, null, false),
                OpNode.of("z", OpKind.SIN)), d.nodes());
        assertEquals(List.of(new Connection("x", "pow1", "input"), new Connection("pow1", "z", "input")), d.edges());
    }

    @Test
    void aNumberOnTheLeftOfTimesBecomesTheScalarOfTheTensorsNode() throws Exception {
        String[] cell = {
            "import torch",
            "x = torch.tensor([1.0, -2.0], requires_grad=True)",
            "y = 3 * x",
            "print(y)"};
        GraphDocument d = importCell(cell);
        assertEquals(List.of(new OpNode("y", OpKind.MUL, null, null, null, null, null, null, null, null, null, 3.0, null)),
                d.nodes());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void reductionsClampTransposeAndLinearKeepTheirArguments() throws Exception {
        String[] cell = {
            "import torch",
            "import torch.nn.functional as F",
            "x = torch.tensor([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]])",
            "w = torch.eye(3, 2, requires_grad=True)",
            "h = F.linear(x, w.T)",
            "c = h.clamp(min=-1.0, max=2.0)",
            "s = c.sum(dim=1, keepdim=True)",
            "m = torch.mean(s, 0)",
            "loss = F.mse_loss(m, torch.zeros(1), reduction='sum')",
            "print(loss)"};
        GraphDocument d = importCell(cell);
        assertEquals(List.of(
                new OpNode("transpose1", OpKind.TRANSPOSE, null, null, null, null, null, null, null, null, null, null, false),
                OpNode.of("h", OpKind.LINEAR),
                new OpNode("c", OpKind.CLAMP, null, null, null, null, null, null, -1.0, 2.0, null, null, null),
                new OpNode("s", OpKind.SUM, null, 1, true, null, null, null, null, null, null, null, null),
                new OpNode("m", OpKind.MEAN, null, 0, null, null, null, null, null, null, null, null, null),
                new OpNode("loss", OpKind.MSE_LOSS, "sum", null, null, null, null, null, null, null, null, null, null)),
                d.nodes());
        assertEquals("zeros1", d.tensors().get(2).name());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void randnWithoutManualSeedHoldsTheDrawnValues() throws Exception {
        String[] cell = {
            "import torch",
            "w = torch.randn(2, 2, requires_grad=True)",
            "loss = (w * w).sum()",
            "print(loss)"};
        // the cell draws from whatever state the generator is in: the same state for the import and the run
        Torch.manualSeed(3);
        GraphDocument d = importCell(cell);
        assertNull(d.seed());
        assertInstanceOf(Initializer.Values.class, d.tensors().get(0).init());
        String[] seededRun = new String[cell.length + 1];
        seededRun[0] = "import torch; torch.manual_seed(3)";
        System.arraycopy(cell, 0, seededRun, 1, cell.length);
        assertComputesWhatTheCellPrints(d, seededRun);
    }

    @Test
    void anotherDrawBetweenTheSeedAndTheGraphsRandnGivesValues() throws Exception {
        String[] cell = {
            "import torch",
            "torch.manual_seed(0)",
            "noise = torch.randn(3)",
            "w = torch.randn(2, requires_grad=True)",
            "loss = (w * 2).sum()",
            "print(loss)"};
        GraphDocument d = importCell(cell);
        assertNull(d.seed());
        assertInstanceOf(Initializer.Values.class, d.tensors().get(0).init());
        assertComputesWhatTheCellPrints(d, cell);
    }

    @Test
    void manualSeedThenTheGraphsDrawsGivesTheSeed() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "torch.manual_seed(7)",
                "w = torch.randn(2, requires_grad=True)",
                "loss = (w * 2).sum()");
        assertEquals(7L, d.seed());
        assertEquals(new Initializer.Randn(), d.tensors().get(0).init());
        assertEquals(TensorRole.PARAMETER, d.tensors().get(0).role());
    }

    @Test
    void aTrainingLoopImportsTheNetworkBeforeTraining() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "import torch.nn.functional as F",
                "torch.manual_seed(0)",
                "x = torch.ones(5)",
                "y = torch.zeros(3)",
                "w = torch.randn(5, 3, requires_grad=True)",
                "b = torch.randn(3, requires_grad=True)",
                "optimizer = torch.optim.SGD([w, b], lr=0.1)",
                "for i in range(3):",
                "    optimizer.zero_grad()",
                "    z = torch.matmul(x, w) + b",
                "    loss = F.binary_cross_entropy_with_logits(z, y)",
                "    loss.backward()",
                "    optimizer.step()",
                "print(loss.item())");
        GraphDocument seedNetwork = new DocumentReader().read(Cells.example("one-layer-bce.json"));
        assertEquals(seedNetwork.seed(), d.seed());
        assertEquals(seedNetwork.tensors(), d.tensors());
        assertEquals(seedNetwork.nodes(), d.nodes());
        assertEquals(seedNetwork.edges(), d.edges());
    }

    @Test
    void aNameAssignedAgainInALoopIsNumbered() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "h = torch.tensor([0.5, -0.5], requires_grad=True)",
                "for _ in range(3):",
                "    h = torch.tanh(h)");
        assertEquals(List.of("h"), d.tensors().stream().map(t -> t.name()).toList());
        assertEquals(List.of("h_2", "h_3", "h_4"), d.nodes().stream().map(n -> n.name()).toList());
        assertEquals("h_4", d.output());
    }

    @Test
    void requiresGradSetAfterTheFactoryMakesAParameter() throws Exception {
        GraphDocument d = importCell(
                "import torch",
                "w = torch.zeros(2, dtype=torch.float64).requires_grad_()",
                "loss = (w + 1).sum()");
        assertEquals(TensorRole.PARAMETER, d.tensors().get(0).role());
        assertEquals("float64", d.tensors().get(0).dtype());
        assertEquals(new Initializer.Zeros(), d.tensors().get(0).init());
    }
}
