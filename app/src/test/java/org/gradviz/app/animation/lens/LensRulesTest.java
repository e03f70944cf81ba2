package org.gradviz.app.animation.lens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.SavedValue;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Test;

/** What the lenses show, against numbers derived by hand. */
class LensRulesTest {

    private static Tensor leaf(double... values) {
        return Torch.tensor(values).requiresGrad_(true);
    }

    private static ChainRuleView first(List<ChainRuleView> views, String title) {
        return views.stream().filter(v -> v.title().equals(title)).findFirst().orElseThrow();
    }

    private static TensorValue vector(double... values) {
        return new TensorValue(new int[] {values.length}, "float32", values);
    }

    @Test
    void mulSendsGradTimesTheOtherFactor() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3, 4);
        ChainRuleView mul = first(Recordings.views(a.mul(b), Torch.tensor(10, 100)), "MulBackward0");
        assertEquals("∂/∂self = grad · other,  ∂/∂other = grad · self", mul.rule());
        assertArrayEquals(new double[] {30, 400}, mul.terms().get(0).product().value().data());
        assertArrayEquals(new double[] {10, 200}, mul.terms().get(1).product().value().data());
        assertEquals("[3.0000, 4.0000]", mul.terms().get(0).local().get(0).text());
    }

    @Test
    void aViewSendsTheGradientBackInTheInputsShapeUnderTorchsViewBackwardName() {
        Tensor x = Torch.zeros(2, 3).requiresGrad_(true);
        Tensor v = org.gradviz.engine.ops.Views.view(x, Shape.of(1, 6));
        ChainRuleView view = first(Recordings.views(v, Torch.tensor(new double[][] {{1, 2, 3, 4, 5, 6}})),
                "ViewBackward0");
        assertEquals("∂/∂self = grad reshaped (1, 6) → (2, 3)", view.rule());
        // the same six numbers in the same order, shaped as x
        assertArrayEquals(new int[] {2, 3}, view.terms().get(0).product().value().shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, view.terms().get(0).product().value().data());
    }

    @Test
    void aReshapeOfATransposeCopiesFirstAndItsLensesSayBoth() {
        Tensor x = Torch.zeros(3, 2).requiresGrad_(true);
        Tensor r = org.gradviz.engine.ops.Views.reshape(x.t(), Shape.of(6));
        List<ChainRuleView> views = Recordings.views(r, Torch.tensor(1, 2, 3, 4, 5, 6));
        assertEquals("∂/∂self = grad reshaped (6) → (2, 3)", first(views, "UnsafeViewBackward0").rule());
        assertEquals("∂/∂self = grad", first(views, "CloneBackward0").rule());
    }

    @Test
    void aBroadcastSumsBackToTheInputsShape() {
        Tensor a = Torch.zeros(2, 3).requiresGrad_(true);
        Tensor b = leaf(0, 0, 0);
        Tensor seed = Torch.tensor(new double[][] {{1, 2, 3}, {4, 5, 6}});
        InputTerm toB = first(Recordings.views(a.add(b), seed), "AddBackward0").terms().get(1);
        assertEquals("grad · alpha, summed to (3)", toB.formula());
        assertArrayEquals(new double[] {5, 7, 9}, toB.product().value().data(), "column sums");
    }

    @Test
    void aLeafUsedTwiceSumsBothContributions() {
        Tensor x = leaf(3);
        List<ChainRuleView> views = Recordings.views(x.mul(x), Torch.tensor(1));
        ChainRuleView acc = first(views, "AccumulateGrad");
        assertEquals(List.of("from MulBackward0", "from MulBackward0"),
                acc.contributions().stream().map(LensValue::symbol).toList());
        assertEquals("grad is the sum of 2 incoming gradients", acc.note());
        // d(x·x)/dx = x + x = 6 at x = 3: each edge carries 3
        assertEquals(3, acc.contributions().get(0).value().item());
        assertEquals(3, acc.contributions().get(1).value().item());
        assertEquals(6, acc.terms().get(0).product().value().item());
    }

    @Test
    void accumulateGradAddsToTheGradItHad() {
        Tensor x = leaf(1, 2);
        Recordings.backward(x.mul(Torch.tensor(5, 7)), Torch.tensor(1, 1));
        ChainRuleView acc = first(Recordings.views(x.mul(Torch.tensor(5, 7)), Torch.tensor(1, 1)), "AccumulateGrad");
        InputTerm grad = acc.terms().get(0);
        assertEquals("before + incoming", grad.formula());
        assertEquals(".grad", grad.input(), "an unnamed leaf");
        assertArrayEquals(new double[] {5, 7}, grad.local().get(0).value().data(), "before");
        assertArrayEquals(new double[] {10, 14}, grad.product().value().data(), "after");
        assertArrayEquals(new double[] {10, 14}, grad.sent().data(), "the engine's .grad");
    }

    @Test
    void reluPassesNoGradientAtZero() {
        ChainRuleView relu = first(Recordings.views(leaf(-1, 0, 2).relu(), Torch.tensor(1, 1, 1)), "ReluBackward0");
        InputTerm term = relu.terms().get(0);
        assertEquals("grad · [result > 0]", term.formula());
        assertEquals("[False, False, True]", term.local().get(0).text());
        assertArrayEquals(new double[] {0, 0, 1}, term.product().value().data());
    }

    @Test
    void meanDividesByTheNumberOfElements() {
        ChainRuleView mean = first(Recordings.views(leaf(1, 2, 3, 4).mean(), null), "MeanBackward0");
        InputTerm term = mean.terms().get(0);
        assertEquals("grad / n, expanded to (4)", term.formula());
        assertEquals("4", term.local().get(0).text());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, term.product().value().data());
    }

    @Test
    void clampNamesOnlyTheBoundsItWasGiven() {
        ChainRuleView clamp = first(Recordings.views(leaf(-1, 1).clamp(0.0, null), Torch.tensor(1, 1)),
                "ClampBackward1");
        assertEquals("∂/∂self = grad · [self ≥ min]", clamp.rule());
        assertEquals(List.of("min", "[self ≥ min]"), clamp.terms().get(0).local().stream().map(LensValue::symbol).toList());
        assertArrayEquals(new double[] {0, 1}, clamp.terms().get(0).product().value().data());
    }

    @Test
    void sumAlongADimSaysHowTheGradientIsSpread() {
        Tensor a = Torch.zeros(2, 3).requiresGrad_(true);
        InputTerm term = first(Recordings.views(a.sum(1, false), Torch.tensor(1, 2)), "SumBackward1").terms().get(0);
        assertEquals("grad, unsqueezed at dim 1, expanded to (2, 3)", term.formula());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, term.product().value().data());
    }

    @Test
    void anUnknownNodeShowsItsGradientsWithoutARule() {
        List<TraceEvent> events = List.of(
                new TraceEvent.NodeStarted(0, "CumsumBackward0", null, List.of(vector(1, 2)), Map.of()),
                new TraceEvent.GradientSent(0, "CumsumBackward0", 0, 1, "AccumulateGrad", vector(3, 2)));
        ChainRuleView view = ChainRuleLens.explainAll(events).get(0);
        assertFalse(view.derived());
        assertEquals("", view.rule());
        InputTerm term = view.terms().get(0);
        assertEquals("input 0", term.input());
        assertEquals("", term.formula());
        assertEquals("[1.0000, 2.0000]", term.upstream().text());
        assertEquals("[3.0000, 2.0000]", term.product().text());
    }

    @Test
    void aNodeThatGotNoGradientSendsNothing() {
        List<TensorValue> none = new java.util.ArrayList<>();
        none.add(null);
        ChainRuleView view = ChainRuleLens.explainAll(List.of(
                new TraceEvent.NodeStarted(0, "NegBackward0", null, none, Map.of()))).get(0);
        assertNull(view.upstream());
        assertTrue(view.terms().isEmpty());
        assertEquals("∂/∂self = −grad", view.rule());
        assertEquals("no gradient arrived, so nothing is sent", view.note());
    }

    @Test
    void aFreedSavedValueIsNamedInsteadOfARule() {
        Map<String, SavedValue> saved = Map.of("other", new SavedValue.Freed(),
                "self", new SavedValue.Attribute("None", null));
        List<TraceEvent> events = List.of(
                new TraceEvent.NodeStarted(0, "MulBackward0", null, List.of(vector(1)), saved),
                new TraceEvent.GradientSent(0, "MulBackward0", 0, 1, "AccumulateGrad", vector(2)));
        ChainRuleView view = ChainRuleLens.explainAll(events).get(0);
        assertFalse(view.derived());
        assertEquals("other was freed by an earlier backward (retain_graph=True keeps it)", view.note());
        assertEquals("[2.0000]", view.terms().get(0).product().text());
    }

    @Test
    void float64ValuesKeepTheirDtype() {
        Tensor a = Tensor.fromData(Shape.of(2), DType.FLOAT64, new double[] {0.1, 0.2}).requiresGrad_(true);
        InputTerm term = first(Recordings.views(a.exp(), Tensor.fromData(Shape.of(2), DType.FLOAT64,
                new double[] {1, 1})), "ExpBackward0").terms().get(0);
        assertEquals("float64", term.product().value().dtype());
        assertEquals(Math.exp(0.1), term.product().value().get(0));
    }
}
