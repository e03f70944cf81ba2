package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.engine.DType;
import org.gradviz.engine.kernels.TorchUnaryKernels;
import org.gradviz.engine.ops.Reduction;

/**
 * The losses (the engine's {@code Losses}): grad times the element-wise derivative, over n for
 * {@code reduction='mean'} (n = the number of elements), each step rounded as torch rounds it.
 */
final class LossLenses {
    private LossLenses() {
    }

    static List<NodeLens> lenses() {
        return List.of(
                RuleLens.of("BinaryCrossEntropyWithLogitsBackward0",
                        InputRule.of("self", c -> "grad · (σ(self) − target)" + overN(c), (c, in) -> {
                            TensorValue sigmoid = LensMath.kernel(c.tensor("self"), TorchUnaryKernels::sigmoidFloat,
                                    TorchUnaryKernels::sigmoidDouble);
                            TensorValue target = c.tensor("target");
                            return chain(c, in, LensMath.map(sigmoid, target, (s, t) -> s - t),
                                    LensValue.of("σ(self)", sigmoid), LensValue.of("target", target));
                        }),
                        InputRule.of("target", c -> "grad · −self" + overN(c), (c, in) -> {
                            TensorValue self = c.tensor("self");
                            return chain(c, in, LensMath.map(c.tensor("target"), self, (t, x) -> -x),
                                    LensValue.of("self", self));
                        })),
                RuleLens.of("BinaryCrossEntropyBackward0",
                        InputRule.of("self", c -> "grad · (self − target) / max((1 − self) · self, 1e−12)" + overN(c),
                                (c, in) -> {
                                    // torch's order: grad · (x − t), then / max((1 − x) · x, ε), then / n
                                    TensorValue self = c.tensor("self");
                                    TensorValue target = c.tensor("target");
                                    TensorValue numerator = LensMath.map(c.grad(),
                                            LensMath.map(self, target, (x, t) -> x - t), (g, d) -> g * d);
                                    double eps = inDtype(self, 1e-12);
                                    TensorValue denominator = LensMath.map(
                                            LensMath.map(LensMath.map(self, x -> 1 - x), self, (a, x) -> a * x),
                                            v -> Math.max(v, eps));
                                    return overNIfMean(c, in, LensMath.map(numerator, denominator, (a, b) -> a / b),
                                            LensValue.of("self", self), LensValue.of("target", target));
                                }),
                        // NOTE: each log is clamped at −100, as torch does, so self = 0 or 1 stays finite
                        InputRule.of("target", c -> "grad · (ln(1 − self) − ln(self))" + overN(c), (c, in) -> {
                            TensorValue self = c.tensor("self");
                            return chain(c, in, LensMath.map(c.tensor("target"), self,
                                    (t, x) -> Math.max(Math.log(1 - x), -100) - Math.max(Math.log(x), -100)),
                                    LensValue.of("self", self));
                        })),
                // NOTE: only the target class of each row gets a gradient; the others stay 0
                RuleLens.of("NllLossBackward0",
                        InputRule.of("self", c -> reduction(c) == Reduction.MEAN
                                        ? "−grad / total_weight at each row's target class, 0 elsewhere"
                                        : reduction(c) == Reduction.SUM ? "−grad at each row's target class, 0 elsewhere"
                                        : "−grad[i] at row i's target class, 0 elsewhere",
                                LossLenses::nllRule)),
                RuleLens.of("MseLossBackward0",
                        InputRule.of("self", c -> normText(c) + " · (self − target) · grad",
                                (c, in) -> mseChain(c, in, c.tensor("self"), c.tensor("target"))),
                        InputRule.of("target", c -> normText(c) + " · (target − self) · grad",
                                (c, in) -> mseChain(c, in, c.tensor("target"), c.tensor("self")))));
    }

    /** torch's nll_loss_backward: −grad (÷ total_weight, rounded, for mean) at each target class. */
    private static Derivation nllRule(LensContext c, InputMeta in) {
        TensorValue self = c.tensor("self");
        TensorValue target = c.tensor("target");
        TensorValue grad = c.grad();
        DType dtype = DType.fromShortName(self.dtype());
        int classes = self.shape()[self.shape().length - 1];
        long ignored = (long) c.number("ignore_index");
        double[] out = new double[self.numel()];
        List<LensValue> values = new ArrayList<>(List.of(LensValue.of("target", target)));
        double common = 0;
        boolean perRow = reduction(c) == Reduction.NONE && self.shape().length == 2;
        if (!perRow) {
            common = grad.get(0);
            if (reduction(c) == Reduction.MEAN) {
                TensorValue total = c.tensor("total_weight");
                values.add(LensValue.of("total_weight", total));
                common = dtype.round(common / total.item());
            }
        }
        for (int row = 0; row < target.numel(); row++) {
            long k = (long) target.get(row);
            if (k != ignored) {
                out[row * classes + (int) k] = -(perRow ? grad.get(row) : common);
            }
        }
        return Derivation.of(new TensorValue(self.shape(), self.dtype(), out), values.toArray(LensValue[]::new));
    }

    private static String normText(LensContext c) {
        return reduction(c) == Reduction.MEAN ? "2/n" : "2";
    }

    /**
     * torch's mse_loss_backward(grad, a, b): norm · (a − b) · grad left to right in the dtype, norm = 2/n
     * for mean (computed in double, then rounded to the dtype) or 2.
     */
    private static Derivation mseChain(LensContext c, InputMeta in, TensorValue a, TensorValue b) {
        List<LensValue> values = new ArrayList<>(List.of(LensValue.of("self", c.tensor("self")),
                LensValue.of("target", c.tensor("target"))));
        boolean mean = reduction(c) == Reduction.MEAN;
        double norm = inDtype(a, mean ? 2.0 / a.numel() : 2.0);
        if (mean) {
            values.add(LensValue.count("n", a.numel()));
        }
        TensorValue scaled = LensMath.map(LensMath.map(a, b, (x, y) -> x - y), d -> norm * d);
        return Derivation.summedTo(in, LensMath.map(scaled, c.grad(), (s, g) -> s * g), values);
    }

    /** {@code x} rounded to the dtype of {@code v}, as torch casts a scalar to the tensor's type. */
    private static double inDtype(TensorValue v, double x) {
        return DType.fromShortName(v.dtype()).round(x);
    }

    /** {@code product}, then / n for mean (n = its number of elements). */
    private static Derivation overNIfMean(LensContext c, InputMeta in, TensorValue product, LensValue... local) {
        List<LensValue> values = new ArrayList<>(List.of(local));
        if (reduction(c) == Reduction.MEAN) {
            int n = product.numel();
            product = LensMath.map(product, v -> v / n);
            values.add(LensValue.count("n", n));
        }
        return Derivation.summedTo(in, product, values);
    }

    private static Reduction reduction(LensContext c) {
        return Reduction.values()[(int) c.number("reduction")];
    }

    private static String overN(LensContext c) {
        return reduction(c) == Reduction.MEAN ? " / n" : "";
    }

    /** grad · derivative, then / n for mean (n = its number of elements), in the input's dtype. */
    private static Derivation chain(LensContext c, InputMeta in, TensorValue derivative, LensValue... local) {
        List<LensValue> values = new ArrayList<>(List.of(local));
        TensorValue product = LensMath.map(derivative, c.grad(), (d, g) -> d * g);
        if (reduction(c) == Reduction.MEAN) {
            int n = derivative.numel();
            product = LensMath.map(product, v -> v / n);
            values.add(LensValue.count("n", n));
        }
        return Derivation.summedTo(in, product, values);
    }
}
