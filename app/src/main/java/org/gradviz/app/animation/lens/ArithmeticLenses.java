package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.engine.ops.Arithmetic;

/**
 * {@code + - * / ** neg} (the engine's {@code Arithmetic}): each input's gradient is summed back to the input's
 * shape where the op broadcast it.
 */
final class ArithmeticLenses {
    private ArithmeticLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("AddBackward0",
                        InputRule.of("self", "grad", (c, in) -> Derivation.summedTo(in, c.grad())),
                        InputRule.of("other", "grad · alpha", (c, in) -> timesAlpha(c, in, 1))),
                RuleLens.of("SubBackward0",
                        InputRule.of("self", "grad", (c, in) -> Derivation.summedTo(in, c.grad())),
                        InputRule.of("other", "−grad · alpha", (c, in) -> timesAlpha(c, in, -1))),
                // rsub(self, other) = other − alpha · self, with other a Python number
                RuleLens.of("RsubBackward1",
                        InputRule.of("self", "−grad · alpha", (c, in) -> timesAlpha(c, in, -1))),
                RuleLens.of("MulBackward0",
                        InputRule.of("self", "grad · other", (c, in) -> times(c, in, "other")),
                        InputRule.of("other", "grad · self", (c, in) -> times(c, in, "self"))),
                RuleLens.of("DivBackward0",
                        InputRule.of("self", "grad / other", (c, in) -> {
                            TensorValue other = c.tensor("other");
                            return Derivation.summedTo(in, LensMath.map(c.grad(), other, (g, b) -> g / b),
                                    LensValue.of("other", other));
                        }),
                        InputRule.of("other", "−grad · self / other²", (c, in) -> {
                            TensorValue self = c.tensor("self");
                            TensorValue other = c.tensor("other");
                            // NOTE: torch computes −grad · ((self / other) / other)
                            return Derivation.summedTo(in, LensMath.engine(() -> Arithmetic.divOtherBackward(
                                    LensMath.tensor(c.grad()), LensMath.tensor(self), LensMath.tensor(other))),
                                    LensValue.of("self", self), LensValue.of("other", other));
                        })),
                RuleLens.of("NegBackward0",
                        InputRule.of("self", "−grad", (c, in) -> Derivation.of(LensMath.map(c.grad(), g -> -g)))),
                RuleLens.of("PowBackward0",
                        InputRule.of("self", "grad · exponent · self^(exponent − 1)", ArithmeticLenses::powerRule)),
                RuleLens.of("PowBackward1",
                        InputRule.of("self", "grad · exponent · self^(exponent − 1)", (c, in) -> {
                            TensorValue self = c.tensor("self");
                            TensorValue exponent = c.tensor("exponent");
                            return Derivation.summedTo(in, LensMath.engine(() -> Arithmetic.powSelfBackward(
                                    LensMath.tensor(c.grad()), LensMath.tensor(self), LensMath.tensor(exponent))),
                                    LensValue.of("exponent", exponent), LensValue.of("self", self));
                        }),
                        InputRule.of("exponent", "grad · result · ln(self)", (c, in) -> {
                            TensorValue result = c.tensor("result");
                            // NOTE: 0 where self = 0 and exponent ≥ 0, as torch (the limit of x^e · ln x)
                            TensorValue logSelf = LensMath.map(c.tensor("self"), c.tensor("exponent"),
                                    (x, e) -> x == 0 && e >= 0 ? 0 : Math.log(x));
                            return Derivation.summedTo(in, LensMath.engine(() -> Arithmetic.powExponentBackward(
                                    LensMath.tensor(c.grad()), LensMath.tensor(c.tensor("self")),
                                    LensMath.tensor(c.tensor("exponent")), LensMath.tensor(result))),
                                    LensValue.of("result", result), LensValue.of("ln(self)", logSelf));
                        })));
    }

    private static Derivation timesAlpha(LensContext c, InputMeta in, int sign) {
        double alpha = c.number("alpha");
        return Derivation.summedTo(in, LensMath.map(c.grad(), g -> sign * g * alpha), LensValue.number("alpha", alpha));
    }

    /** grad times the saved tensor {@code factor}. */
    private static Derivation times(LensContext c, InputMeta in, String factor) {
        TensorValue f = c.tensor(factor);
        return Derivation.summedTo(in, LensMath.map(c.grad(), f, (g, v) -> g * v), LensValue.of(factor, f));
    }

    private static Derivation powerRule(LensContext c, InputMeta in) {
        double n = c.number("exponent");
        TensorValue self = c.tensor("self");
        LensValue exponent = LensValue.number("exponent", n);
        if (n == 0) {
            return Derivation.of(LensMath.map(self, x -> 0), exponent, LensValue.of("self", self));
        }
        return Derivation.of(LensMath.engine(() -> Arithmetic.powBackward(LensMath.tensor(c.grad()),
                LensMath.tensor(self), n)), exponent, LensValue.of("self", self));
    }
}
