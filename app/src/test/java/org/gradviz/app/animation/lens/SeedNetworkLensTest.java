package org.gradviz.app.animation.lens;

import static org.gradviz.app.animation.lens.LensAssertions.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.Evaluation;
import org.gradviz.app.editor.GraphEvaluator;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lenses of the seed network {@code z = x@w + b; loss = bce_with_logits(z, y)} (examples/one-layer-bce.json). */
class SeedNetworkLensTest {
    private Evaluation forward;
    private List<ChainRuleView> views;

    @BeforeEach
    void runBackward() {
        GraphDocument doc = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        Evaluation leaves = GraphEvaluator.makeLeaves(doc);
        forward = GraphEvaluator.run(doc, leaves, true);
        Map<Tensor, String> names = new HashMap<>();
        leaves.values().forEach((name, t) -> names.put(t, name));
        views = ChainRuleLens.explainAll(Recordings.backward(forward.value("loss").orElseThrow(), null, names));
    }

    private ChainRuleView view(String title) {
        return views.stream().filter(v -> v.title().equals(title)).findFirst().orElseThrow();
    }

    private ChainRuleView gradOf(String variable) {
        return views.stream().filter(v -> v.title().equals("AccumulateGrad") && v.terms().get(0).input()
                .equals(variable + ".grad")).findFirst().orElseThrow();
    }

    private static LensValue local(InputTerm term, String symbol) {
        return term.local().stream().filter(v -> v.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private TensorValue value(String name) {
        return TensorValue.of(forward.value(name).orElseThrow());
    }

    @Test
    void theNodesRunInTheEnginesOrder() {
        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad",
                "SqueezeBackward3", "MmBackward0", "AccumulateGrad"), views.stream().map(ChainRuleView::title).toList());
    }

    @Test
    void bceLensShowsSigmoidOfZTargetZeroAndNThree() {
        InputTerm toZ = view("BinaryCrossEntropyWithLogitsBackward0").terms().get(0);
        assertEquals("self", toZ.input());
        double[] z = value("z").data();
        double[] sigmoid = local(toZ, "σ(self)").value().data();
        for (int i = 0; i < z.length; i++) {
            assertEquals(1 / (1 + Math.exp(-z[i])), sigmoid[i], 1e-7, "σ(z) by hand, element " + i);
        }
        assertArrayEquals(new double[3], local(toZ, "target").value().data());
        assertEquals("[0.0000, 0.0000, 0.0000]", local(toZ, "target").text());
        assertEquals(3, local(toZ, "n").value().item());
        assertEquals("3", local(toZ, "n").text());
    }

    @Test
    void bceProductIsTheEnginesGradientOfZ() {
        InputTerm toZ = view("BinaryCrossEntropyWithLogitsBackward0").terms().get(0);
        assertSameValues(TensorValue.of(forward.value("z").orElseThrow().grad()), toZ.product().value(), "z.grad");
        double[] z = value("z").data();
        for (int i = 0; i < z.length; i++) {
            // by hand: (σ(z) − y) / n with y = 0, n = 3, times the seed 1
            assertEquals((1 / (1 + Math.exp(-z[i]))) / 3, toZ.product().value().get(i), 1e-7);
        }
    }

    @Test
    void bceRuleIsWrittenWithTorchsNames() {
        ChainRuleView bce = view("BinaryCrossEntropyWithLogitsBackward0");
        assertEquals("∂/∂self = grad · (σ(self) − target) / n,  ∂/∂target = grad · −self / n", bce.rule());
        assertEquals("grad · (σ(self) − target) / n", bce.terms().get(0).formula());
        assertEquals("1.0000", bce.upstream().text());
        assertEquals(List.of("seed"), bce.contributions().stream().map(LensValue::symbol).toList());
    }

    @Test
    void theBiasGetsPyTorchsGradient() {
        // torch 1.13, README: z = x@w + b with x = ones(5), so b.grad is each row of w.grad
        InputTerm b = gradOf("b").terms().get(0);
        assertEquals("[0.2661, 0.1179, 0.0027]", b.product().text());
        assertEquals("incoming (.grad was None)", b.formula());
        assertEquals("b.grad: before + incoming = after", gradOf("b").rule());
    }

    @Test
    void theRowVectorProductReshapesThenMultiplies() {
        ChainRuleView squeeze = view("SqueezeBackward3");
        assertEquals("grad reshaped (3) → (1, 3)", squeeze.terms().get(0).formula());
        ChainRuleView mm = view("MmBackward0");
        assertEquals("∂/∂self = grad @ mat2ᵀ,  ∂/∂mat2 = selfᵀ @ grad", mm.rule());
        assertEquals(1, mm.terms().size(), "x needs no gradient, so only mat2 (w) gets one");
        InputTerm toW = mm.terms().get(0);
        assertEquals("mat2", toW.input());
        assertEquals("[[1.0000, 1.0000, 1.0000, 1.0000, 1.0000]]", local(toW, "self").text());
        assertArrayEquals(new int[] {5, 3}, toW.product().value().shape());
    }

    @Test
    void theAddSendsItsGradientToBothInputsUnchanged() {
        ChainRuleView add = view("AddBackward0");
        assertEquals("∂/∂self = grad,  ∂/∂other = grad · alpha", add.rule());
        assertEquals(2, add.terms().size());
        for (InputTerm term : add.terms()) {
            assertSameValues(add.upstream().value(), term.product().value(), term.input());
        }
        assertEquals("1", local(add.terms().get(1), "alpha").text());
    }
}
