package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * PyTorch's backward functions that are ops of their own ({@code tanh_backward}, {@code sigmoid_backward},
 * {@code threshold_backward}, {@code mse_loss_backward}): a first derivative computes them, and under
 * {@code create_graph=True} they are recorded, with their own chain rule (derivatives.yaml), so a second derivative
 * goes back through {@code TanhBackwardBackward0} and the others as in torch.
 */
public final class BackwardOps {
    private BackwardOps() {
    }

    // ----- tanh_backward

    /** grad_output · (1 - output²). */
    public static Tensor tanhBackward(Tensor gradOutput, Tensor output) {
        Tensor out = Arithmetic.elementwise(gradOutput, output, Pointwise.tanhBackward(output.dtype()));
        // d/d grad_output = tanh_backward(grad, output); d/d output = grad · (-2 · output · grad_output)
        return Autograd.record("tanh_backward", out, () -> new BackwardOfBackward("TanhBackwardBackward0",
                gradOutput, output, null, (g, go, y) -> tanhBackward(g, y),
                (g, go, y) -> Arithmetic.mul(g, Arithmetic.mul(Arithmetic.mulScalar(y, -2), go))), gradOutput, output);
    }

    // ----- sigmoid_backward

    /** (grad_output · (1 - output)) · output. */
    public static Tensor sigmoidBackward(Tensor gradOutput, Tensor output) {
        Tensor out = Arithmetic.elementwise(gradOutput, output, Pointwise.sigmoidBackward(output.dtype()));
        // d/d grad_output = sigmoid_backward(grad, output); d/d output = grad · grad_output · (-2 · output + 1)
        return Autograd.record("sigmoid_backward", out, () -> new BackwardOfBackward("SigmoidBackwardBackward0",
                gradOutput, output, null, (g, go, y) -> sigmoidBackward(g, y),
                (g, go, y) -> Arithmetic.mul(Arithmetic.mul(g, go), Arithmetic.add(Arithmetic.mulScalar(y, -2),
                        number(1)))), gradOutput, output);
    }

    // ----- threshold_backward

    /** grad_output where self > threshold, else 0 (relu's backward with its result as self and threshold 0). */
    public static Tensor thresholdBackward(Tensor gradOutput, Tensor self, double threshold) {
        Tensor out = Arithmetic.elementwise(gradOutput, self, (g, x) -> x <= threshold ? 0 : g);
        return Autograd.record("threshold_backward", out,
                () -> new ThresholdBackwardBackward0(self, threshold), gradOutput, self);
    }

    /** d/d grad_output = threshold_backward(grad, self, threshold); d/d self = 0. */
    static final class ThresholdBackwardBackward0 extends Node {
        private final SavedTensor self;
        private final double threshold;

        ThresholdBackwardBackward0(Tensor self, double threshold) {
            this.self = save(self);
            this.threshold = threshold;
        }

        @Override
        public String name() {
            return "ThresholdBackwardBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? thresholdBackward(g, self.unpack(), threshold) : null,
                needsInputGrad(1) ? Torch.zerosLike(g) : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self", self);
            out.put("threshold", Arithmetic.numberValue(threshold));
        }
    }

    // ----- mse_loss_backward

    /**
     * PyTorch's mse_loss_backward(grad, a, b): norm · (a - b) · grad, left to right in the dtype, with norm =
     * 2/numel for mean (computed in double, then cast to the dtype) or 2.
     */
    public static Tensor mseLossBackward(Tensor gradOutput, Tensor self, Tensor target, Reduction reduction) {
        Broadcast.checkSameDtype(self, target, gradOutput);
        DType dt = self.dtype();
        double norm = dt.round(reduction == Reduction.MEAN ? 2.0 / self.numel() : 2.0);
        double[] g = Broadcast.expand(gradOutput, self.shape());
        double[] x = self.data();
        double[] y = target.data();
        for (int i = 0; i < g.length; i++) {
            g[i] = dt.round(dt.round(norm * dt.round(x[i] - y[i])) * g[i]);
        }
        Tensor out = Tensor.fromData(self.shape(), dt, g);
        return Autograd.record("mse_loss_backward", out,
                () -> mseLossBackwardBackward(gradOutput, self, target, reduction), gradOutput, self, target);
    }

    /**
     * MseLossBackwardBackward0: d/d grad_output = Σ(mse_loss_backward(1, self, target) · grad) (or
     * mse_loss_backward(grad, ...) without reduction); d/d self = 2 · (grad · grad_output) (÷ numel for mean);
     * d/d target = its negation.
     */
    private static Node mseLossBackwardBackward(Tensor gradOutput, Tensor self, Tensor target, Reduction reduction) {
        LossBackwardOfBackward.Rule selfRule = (g, go, x, t) -> {
            Tensor twice = Arithmetic.mulScalar(Arithmetic.mul(g, go), 2);
            return reduction == Reduction.MEAN ? Arithmetic.divScalar(twice, x.numel()) : twice;
        };
        return new LossBackwardOfBackward("MseLossBackwardBackward0", gradOutput, self, target, reduction, false,
                (g, go, x, t) -> reduction == Reduction.NONE ? mseLossBackward(g, x, t, reduction)
                        : Reductions.sum(Arithmetic.mul(mseLossBackward(Torch.onesLike(go), x, t, reduction), g)),
                selfRule,
                (g, go, x, t) -> Arithmetic.neg(selfRule.apply(g, go, x, t)));
    }

    // ----- binary_cross_entropy_backward

    private static final double BCE_EPSILON = 1e-12;

    /**
     * PyTorch's binary_cross_entropy_backward: grad · (x - t) / max((1 - x) · x, ε), left to right in the dtype,
     * then / numel for mean.
     */
    public static Tensor binaryCrossEntropyBackward(Tensor gradOutput, Tensor self, Tensor target,
            Reduction reduction) {
        DType dt = self.dtype();
        double eps = (float) BCE_EPSILON; // NOTE: Loss.cpp's EPSILON is a float, also for double tensors
        double[] g = Broadcast.expand(gradOutput, self.shape());
        double[] x = self.data();
        double[] t = target.data();
        int n = x.length;
        for (int i = 0; i < n; i++) {
            double numerator = dt.round(g[i] * dt.round(x[i] - t[i]));
            double v = dt.round(numerator / Math.max(dt.round(dt.round(1 - x[i]) * x[i]), eps));
            g[i] = reduction == Reduction.MEAN ? v / n : v;
        }
        Tensor out = Tensor.fromData(self.shape(), dt, g);
        return Autograd.record("binary_cross_entropy_backward", out,
                () -> binaryCrossEntropyBackwardBackward(gradOutput, self, target, reduction),
                gradOutput, self, target);
    }

    /**
     * BinaryCrossEntropyBackwardBackward0: derivatives.yaml's binary_cross_entropy_double_backward (self),
     * _grad_output and _target, each written with recorded ops as FunctionsManual.cpp writes them (ε = 1e-12 added,
     * not clamped, except in the target's rule), / numel for mean.
     */
    private static Node binaryCrossEntropyBackwardBackward(Tensor gradOutput, Tensor self, Tensor target,
            Reduction reduction) {
        Tensor eps = number(BCE_EPSILON);
        return new LossBackwardOfBackward("BinaryCrossEntropyBackwardBackward0", gradOutput, self, target, reduction,
                true,
                // (x - t) / ((x + ε) · (1 - x + ε)) · grad, summed to grad_output's shape
                (g, go, x, t) -> InputMeta.of(go).reduceRecorded(meanScaled(Arithmetic.mul(Arithmetic.div(
                        Arithmetic.sub(x, t), Arithmetic.mul(Arithmetic.add(x, eps), Arithmetic.add(oneMinus(x), eps))),
                        g), x, reduction)),
                // (x² - 2xt + t) / ((x + ε)² (1 - x + ε)²) · (grad · grad_output)
                (g, go, x, t) -> {
                    Tensor numerator = Arithmetic.add(Arithmetic.sub(Arithmetic.mul(x, x),
                            Arithmetic.mul(Arithmetic.mulScalar(x, 2), t)), t);
                    Tensor denominator = Arithmetic.mul(Arithmetic.pow(Arithmetic.add(x, eps), 2),
                            Arithmetic.pow(Arithmetic.add(oneMinus(x), eps), 2));
                    return meanScaled(Arithmetic.mul(Arithmetic.div(numerator, denominator), Arithmetic.mul(g, go)), x,
                            reduction);
                },
                // -grad · grad_output / max((1 - x) · x, ε)
                (g, go, x, t) -> meanScaled(Arithmetic.div(Arithmetic.mul(Arithmetic.neg(g), go),
                        Pointwise.clamp(Arithmetic.mul(oneMinus(x), x).detach(), BCE_EPSILON, null)), t, reduction));
    }

    /** C++'s {@code 1 - x}: {@code empty_like(x).fill_(1).sub_(x)}, a SubBackward0. */
    private static Tensor oneMinus(Tensor x) {
        return Arithmetic.sub(Torch.onesLike(x), x);
    }

    private static Tensor meanScaled(Tensor grad, Tensor input, Reduction reduction) {
        return reduction == Reduction.MEAN ? Arithmetic.div(grad, number(input.numel())) : grad;
    }

    /** A Python number as an operand: an int wrapped as int64, else float64, as torch's C++ scalars. */
    private static Tensor number(double v) {
        return Tensor.wrappedNumber(v, v == Math.rint(v));
    }
}
