package org.gradviz.app.animation.lens;

import static org.gradviz.app.animation.lens.LensAssertions.assertSameValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gradviz.app.animation.lens.PaletteCases.PaletteCase;
import org.gradviz.app.document.OpKind;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lens's product is the gradient the real engine sent, for every palette op, in float32 and float64. */
class ChainRuleLensTest {

    static Stream<Arguments> casesInBothDtypes() {
        return PaletteCases.all().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, DType.FLOAT32), Arguments.of(c, DType.FLOAT64)));
    }

    private static List<ChainRuleView> run(PaletteCase c, DType dtype) {
        TestTensors tensors = new TestTensors(dtype);
        Tensor out = c.forward().apply(tensors);
        return Recordings.views(out, tensors.seedFor(out));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesInBothDtypes")
    void everyNodeTheOpRecordsHasALensOfItsOwn(PaletteCase c, DType dtype) {
        List<ChainRuleView> views = run(c, dtype);
        assertTrue(views.size() >= 2, "a backward through the op and at least one leaf");
        for (ChainRuleView view : views) {
            assertTrue(ChainRuleLens.covers(view.title()), view.title() + " has no lens");
            assertTrue(view.derived(), view.title() + ": " + view.note());
            assertTrue(!view.rule().isEmpty(), view.title() + " shows no rule");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesInBothDtypes")
    void everyProductIsTheGradientTheEngineSent(PaletteCase c, DType dtype) {
        for (ChainRuleView view : run(c, dtype)) {
            assertTrue(!view.terms().isEmpty(), view.title() + " shows no term");
            for (InputTerm term : view.terms()) {
                assertSameValues(term.sent(), term.product().value(), view.title() + " ∂/∂" + term.input());
            }
        }
    }

    @Test
    void everyPaletteOpHasACase() {
        Set<OpKind> covered = EnumSet.noneOf(OpKind.class);
        PaletteCases.all().stream().map(PaletteCase::op).filter(op -> op != null).forEach(covered::add);
        assertEquals(EnumSet.allOf(OpKind.class), covered);
    }

    @Test
    void everyLensIsHeldToTheEngineByACase() {
        Set<String> seen = new TreeSet<>();
        for (PaletteCase c : PaletteCases.all()) {
            run(c, DType.FLOAT64).forEach(view -> seen.add(view.title()));
        }
        Set<String> unchecked = new TreeSet<>(ChainRuleLens.nodeNames());
        unchecked.removeAll(seen);
        assertEquals(Set.of(), unchecked, "lenses no case runs");
    }

    @Test
    void theLookupIsByPyTorchsNodeName() {
        for (String name : List.of("AddBackward0", "MmBackward0", "SqueezeBackward3", "UnsqueezeBackward0",
                "AddmmBackward0", "TBackward0", "RsubBackward1", "ReciprocalBackward0", "PowBackward0", "PowBackward1",
                "ClampBackward1", "SumBackward1", "MeanBackward1", "BinaryCrossEntropyWithLogitsBackward0",
                "AccumulateGrad")) {
            assertTrue(ChainRuleLens.covers(name), name);
        }
        assertTrue(!ChainRuleLens.covers("CumsumBackward0"));
        assertTrue(Arrays.asList("MulBackward0", "DivBackward0").stream().allMatch(ChainRuleLens::covers));
    }
}
