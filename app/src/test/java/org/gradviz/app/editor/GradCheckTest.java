package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    private static GraphDocument seedNetwork() {
        return new DocumentReader().read(Examples.file("one-layer-bce.json"));
    }

    /** A parameter {@code x} with these values, fed through {@code nodes} (the last is the output). */
    private static GraphDocument document(double[] x, List<OpNode> nodes, List<Connection> edges) {
        TensorSource source = new TensorSource("x", TensorRole.PARAMETER, List.of(x.length), null, true,
                new Initializer.Values(Arrays.stream(x).boxed().toList()));
        return new GraphDocument(GraphDocument.CURRENT_VERSION, null, 0L, List.of(source), nodes, edges,
                nodes.get(nodes.size() - 1).name(), Map.of(), null);
    }

    private static GradCheckReport check(GraphDocument doc) throws InterruptedException {
        return GradCheck.of(doc, GraphEvaluator.makeLeaves(doc)).run();
    }

    @Test
    void theSeedNetworkPasses() throws InterruptedException {
        GradCheckReport report = check(seedNetwork());
        assertTrue(report.passed());
        assertEquals("loss", report.output());
        assertEquals(List.of("w", "b"), report.leaves().stream().map(LeafGradCheck::leaf).toList());
        LeafGradCheck w = report.leaves().get(0);
        assertEquals(15, w.checks().size());
        assertFalse(w.sampled());
        assertTrue(w.maxAbsDiff() < 1e-8, "float64 central differences agree far inside the tolerance: "
                + w.maxAbsDiff());
        assertTrue(w.hoverText().startsWith("w: passed, 15 of 15 elements; max |autograd − numeric| "), w.hoverText());
        assertTrue(w.hoverText().contains("(atol 1e-05, rtol 1e-03)"), w.hoverText());
    }

    @Test
    void aGradientThatDetachCutsShortFailsTheCheck() throws InterruptedException {
        // y = x * x.detach(): autograd sees only one factor, dy/dx = x; the true derivative of x² is 2x
        GraphDocument doc = document(new double[] {1, 2, 3}, List.of(OpNode.of("d", OpKind.DETACH),
                OpNode.of("y", OpKind.MUL)), List.of(new Connection("x", "d", "input"),
                new Connection("x", "y", "input"), new Connection("d", "y", "other")));
        LeafGradCheck x = check(doc).leaves().get(0);
        assertFalse(x.passed());
        ElementCheck worst = x.worst();
        assertEquals(2, worst.index());
        assertEquals(3, worst.autograd(), 1e-12);
        assertEquals(6, worst.numeric(), 1e-6);
        assertEquals(3, x.maxAbsDiff(), 1e-6);
        assertEquals(0.5, x.maxRelDiff(), 1e-6, "3 off 6");
        assertTrue(x.hoverText().startsWith("x: FAILED, 3 of 3 elements"), x.hoverText());
    }

    @Test
    void aPerturbedGradientFailsWhereTheExactOnePasses() {
        // f(x) = x² at x = 1 with h = 1e-6: central difference 2 (exact up to rounding)
        double h = GradCheck.STEP;
        FiniteDifference fd = new FiniteDifference((1 - h) * (1 - h), 1, (1 + h) * (1 + h), h);
        assertTrue(ElementCheck.compare(0, 2.0, fd).passed());
        assertTrue(ElementCheck.compare(0, 2.0 + 1e-5, fd).passed(), "within atol + rtol · 2 = 2.01e-3");
        assertFalse(ElementCheck.compare(0, 2.0 + 3e-3, fd).passed());
        assertFalse(ElementCheck.compare(0, Double.NaN, fd).passed());
    }

    @Test
    void reluAtItsKinkPassesWithAGradientBetweenTheOneSidedSlopes() throws InterruptedException {
        GraphDocument doc = document(new double[] {-1, 0, 2}, List.of(OpNode.of("r", OpKind.RELU)),
                List.of(new Connection("x", "r", "input")));
        LeafGradCheck x = check(doc).leaves().get(0);
        assertTrue(x.passed(), x.hoverText());
        assertEquals(1, x.kinks());
        ElementCheck atZero = x.checks().get(1);
        assertTrue(atZero.kink());
        assertEquals(0, atZero.autograd(), "relu'(0) = 0, as torch");
        assertEquals(0.5, atZero.numeric(), 1e-9, "(relu(h) − relu(−h)) / 2h");
        assertEquals(0, atZero.absDiff(), "0 lies between the slopes 0 and 1");
        assertTrue(x.hoverText().contains("1 element at a kink"), x.hoverText());
    }

    @Test
    void aKinkGradientOutsideTheOneSidedSlopesFails() {
        double h = GradCheck.STEP;
        FiniteDifference relu = new FiniteDifference(0, 0, h, h);
        assertTrue(relu.isKink());
        assertFalse(ElementCheck.compare(0, 2.0, relu).passed());
        assertEquals(1.0, ElementCheck.compare(0, 2.0, relu).absDiff(), 1e-9, "1 above the right slope");
    }

    @Test
    void bigLeavesAreCheckedAtEvenlySpacedElements() throws InterruptedException {
        double[] x = new double[300];
        Arrays.fill(x, 0.5);
        GraphDocument doc = document(x, List.of(OpNode.of("s", OpKind.SIN)), List.of(new Connection("x", "s", "input")));
        LeafGradCheck leaf = GradCheck.of(doc, GraphEvaluator.makeLeaves(doc), 50).run().leaves().get(0);
        assertTrue(leaf.sampled());
        assertEquals(300, leaf.elements());
        assertEquals(50, leaf.checks().size());
        assertEquals(List.of(0, 6, 12), leaf.checks().stream().limit(3).map(ElementCheck::index).toList());
        assertTrue(leaf.passed());
        assertTrue(leaf.hoverText().startsWith("x: passed, 50 of 300 elements (evenly spaced)"), leaf.hoverText());
    }

    @Test
    void theLiveLeavesAndTheirGradsStayAsTheyWere() throws InterruptedException {
        RunSession session = new RunSession(seedNetwork());
        session.forward(false);
        session.backward(false);
        Tensor w = session.tensor("w").orElseThrow();
        Tensor b = session.tensor("b").orElseThrow();
        double[] wBefore = w.data().clone();
        Tensor wGrad = w.gradOrNull();
        double[] wGradBefore = wGrad.data().clone();
        b.setGrad(null);

        assertTrue(session.gradCheck().run().passed());

        assertArrayEquals(wBefore, w.data());
        assertSame(wGrad, w.gradOrNull());
        assertArrayEquals(wGradBefore, wGrad.data());
        assertNull(b.gradOrNull());
        assertEquals("float32", w.dtype().shortName());
    }

    @Test
    void anInterruptedCheckStopsBetweenElements() {
        GradCheck check = GradCheck.of(seedNetwork(), GraphEvaluator.makeLeaves(seedNetwork()));
        Thread.currentThread().interrupt();
        InterruptedException stopped = assertThrows(InterruptedException.class, check::run);
        assertEquals("gradcheck cancelled at w[0]", stopped.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the flag is consumed, as an InterruptedException does");
    }

    @Test
    void aGraphWithoutOutputIsRefusedInTheEditorsWords() {
        GraphDocument doc = seedNetwork();
        GraphDocument noOutput = new GraphDocument(doc.formatVersion(), doc.title(), doc.seed(), doc.tensors(),
                doc.nodes(), doc.edges(), null, doc.positions(), doc.view());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradCheck.of(noOutput, GraphEvaluator.makeLeaves(noOutput)).run());
        assertEquals("no output chosen: mark a node as the output to backward from", e.getMessage());
    }

    @Test
    void aNonScalarOutputIsSummed() throws InterruptedException {
        // y = x³ element-wise, summed: d/dx = 3x²
        GraphDocument doc = document(new double[] {1, -2}, List.of(new OpNode("y", OpKind.POW, null, null, null,
                null, null, null, null, null, 3.0, null, null)), List.of(new Connection("x", "y", "input")));
        LeafGradCheck x = check(doc).leaves().get(0);
        assertTrue(x.passed());
        assertEquals(3, x.checks().get(0).autograd(), 1e-12);
        assertEquals(12, x.checks().get(1).numeric(), 1e-6);
    }

    @Test
    void anInt64TargetStaysIndicesWhileTheOtherLeavesAreCheckedInFloat64() throws InterruptedException {
        // the example's embedding and nll_loss: its int64 context and target are no numbers to move
        GraphDocument doc = new org.gradviz.app.document.DocumentReader().read(
                org.gradviz.app.document.Examples.file("word-embedding-nll.json"));
        GradCheckReport report = check(doc);
        assertEquals(List.of("emb", "w", "b"), report.leaves().stream().map(LeafGradCheck::leaf).toList());
        assertTrue(report.passed(), report.toString());
    }
}
