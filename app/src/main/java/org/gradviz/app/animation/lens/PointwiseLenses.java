package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.engine.DType;
import org.gradviz.engine.kernels.TorchUnaryKernels;
import org.gradviz.engine.ops.LogSoftmax;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.Softmax;

/** Element-wise functions of one tensor (the engine's {@code Pointwise}): grad times the local derivative. */
final class PointwiseLenses {
    private PointwiseLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("SinBackward0", InputRule.of("self", "grad · cos(self)", (c, in) -> {
                    TensorValue cos = LensMath.kernel(c.tensor("self"), TorchUnaryKernels::cosFloat,
                            TorchUnaryKernels::cosDouble);
                    return Derivation.of(LensMath.map(c.grad(), cos, (g, v) -> g * v), LensValue.of("cos(self)", cos));
                })),
                RuleLens.of("CosBackward0", InputRule.of("self", "grad · −sin(self)", (c, in) -> {
                    TensorValue minusSin = LensMath.map(LensMath.kernel(c.tensor("self"), TorchUnaryKernels::sinFloat,
                            TorchUnaryKernels::sinDouble), v -> -v);
                    return Derivation.of(LensMath.map(c.grad(), minusSin, (g, v) -> g * v),
                            LensValue.of("−sin(self)", minusSin));
                })),
                RuleLens.of("ExpBackward0", InputRule.of("self", "grad · result", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result, (g, r) -> g * r),
                            LensValue.of("result", result));
                })),
                RuleLens.of("LogBackward0", InputRule.of("self", "grad / self", (c, in) -> {
                    TensorValue self = c.tensor("self");
                    return Derivation.of(LensMath.map(c.grad(), self, (g, x) -> g / x), LensValue.of("self", self));
                })),
                RuleLens.of("SigmoidBackward0", InputRule.of("self", "grad · (1 − result) · result", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result,
                            Pointwise.sigmoidBackward(DType.fromShortName(result.dtype()))),
                            LensValue.of("result", result));
                })),
                RuleLens.of("TanhBackward0", InputRule.of("self", "grad · (1 − result²)", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result,
                            Pointwise.tanhBackward(DType.fromShortName(result.dtype()))),
                            LensValue.of("result", result));
                })),
                // NOTE: relu'(0) = 0, as torch's threshold_backward (0 where result <= 0; NaN passes the gradient)
                RuleLens.of("ReluBackward0", InputRule.of("self", "grad · [result > 0]", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result, (g, r) -> r <= 0 ? 0 : g),
                            LensValue.of("[result > 0]", LensMath.mask(result, r -> r > 0)));
                })),
                RuleLens.of("ReciprocalBackward0", InputRule.of("self", "−grad · result²", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result, Pointwise.reciprocalBackward(
                            LensMath.tensor(result).dtype())),
                            LensValue.of("result", result));
                })),
                RuleLens.of("SqrtBackward0", InputRule.of("self", "grad / (2 · result)", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(LensMath.map(c.grad(), result, (g, r) -> g / (2 * r)),
                            LensValue.of("result", result));
                })),
                // NOTE: |x|'(0) = 0, as torch's sgn
                RuleLens.of("AbsBackward0", InputRule.of("self", "grad · sgn(self)", (c, in) -> {
                    TensorValue self = c.tensor("self");
                    return Derivation.of(LensMath.map(c.grad(), self, (g, x) -> g * Pointwise.sign(x)),
                            LensValue.of("sgn(self)", LensMath.map(self, Math::signum)));
                })),
                RuleLens.of("SoftmaxBackward0", InputRule.of("self", "(grad − Σ grad·result)·result", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(TensorValue.of(Softmax.backward(LensMath.tensor(c.grad()),
                            LensMath.tensor(result), (int) c.number("dim"))), LensValue.of("result", result));
                })),
                RuleLens.of("LogSoftmaxBackward0", InputRule.of("self", "grad − exp(result) · Σ grad", (c, in) -> {
                    TensorValue result = c.tensor("result");
                    return Derivation.of(TensorValue.of(LogSoftmax.backward(LensMath.tensor(c.grad()),
                            LensMath.tensor(result), (int) c.number("dim"))), LensValue.of("result", result));
                })),
                RuleLens.of("ClampBackward1", InputRule.of("self", c -> "grad · " + clampRange(c),
                        PointwiseLenses::clampRule)));
    }

    /** {@code [min ≤ self ≤ max]}, with only the bounds clamp was given. */
    private static String clampRange(LensContext c) {
        Double min = c.optionalNumber("min");
        Double max = c.optionalNumber("max");
        return min == null ? "[self ≤ max]" : max == null ? "[self ≥ min]" : "[min ≤ self ≤ max]";
    }

    // NOTE: both bounds are inclusive, and torch compares with the bounds cast to the tensor's dtype
    private static Derivation clampRule(LensContext c, InputMeta in) {
        TensorValue self = c.tensor("self");
        DType dtype = DType.fromShortName(self.dtype());
        Double min = c.optionalNumber("min");
        Double max = c.optionalNumber("max");
        double lo = min == null ? Double.NEGATIVE_INFINITY : dtype.round(min);
        double hi = max == null ? Double.POSITIVE_INFINITY : dtype.round(max);
        List<LensValue> local = new ArrayList<>();
        if (min != null) {
            local.add(LensValue.number("min", min));
        }
        if (max != null) {
            local.add(LensValue.number("max", max));
        }
        local.add(LensValue.of(clampRange(c), LensMath.mask(self, x -> x >= lo && x <= hi)));
        return new Derivation(local, LensMath.map(c.grad(), self, (g, x) -> x >= lo && x <= hi ? g : 0), "");
    }
}
