package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.FreshOrGivenGradients;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.BceWithLogitsFloat;
import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.LaneMath;
import org.gradviz.engine.kernels.ScratchFloats;
import org.gradviz.engine.kernels.TorchUnaryKernels;

/** The losses of {@code torch.nn.functional}, each one backward node as in PyTorch. */
public final class Losses {
    private Losses() {
    }

    /** Computes an element-wise loss of input and target, reduced. */
    private static Tensor reduced(Tensor input, Tensor target, Broadcast.BinaryFn elementLoss, Reduction r) {
        Shape shape = Broadcast.shapes(input.shape(), target.shape());
        return r.reduce(Broadcast.apply(input, target, shape, Broadcast.resultType(input, target), elementLoss));
    }

    /**
     * The gradient of a reduced element-wise loss: {@code grad} (one number, or one per element for
     * none) times the element-wise derivative {@code d(x, t)}, scaled for mean.
     */
    private static Tensor chain(Tensor grad, Tensor input, Tensor target, Reduction r, Broadcast.BinaryFn d) {
        return timesGrad(grad, Broadcast.apply(input, target, input.shape(), input.dtype(), d), r);
    }

    /** PyTorch's loss backward: (d · grad), then / numel for mean, each step rounded to d's dtype. */
    private static Tensor timesGrad(Tensor grad, Tensor d, Reduction r) {
        Tensor scaled = Broadcast.apply(d, grad, d.shape(), d.dtype(), BasicOp.MUL);
        if (r != Reduction.MEAN) {
            return scaled;
        }
        return Broadcast.apply(scaled, Tensor.wrappedNumber(d.numel(), true), d.shape(), d.dtype(), BasicOp.DIV);
    }

    // ----- binary_cross_entropy_with_logits

    /** {@code F.binary_cross_entropy_with_logits(input, target, reduction=...)}. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Reduction reduction) {
        if (!input.shape().equals(target.shape())) {
            throw TorchException.value("Target size (" + target.shape() + ") must be the same as input size ("
                    + input.shape() + ")");
        }
        DType dt = Broadcast.resultType(input, target);
        Tensor out;
        if (dt != DType.FLOAT32) {
            out = reduction.reduce(Tensor.fromData(input.shape(), dt, bceWithLogitsElements(input.data(), target.data())));
        } else if (reduction == Reduction.NONE) {
            out = Tensor.fromFloats(input.shape(), BceWithLogitsFloat.loss(input.floats(), target.floats()));
        } else {
            // the element-wise values only live until they are summed
            float[] values = ScratchFloats.take(input.numel());
            out = reduction.reduceFloats(BceWithLogitsFloat.loss(input.floats(), target.floats(), values));
        }
        return Autograd.record("binary_cross_entropy_with_logits", out,
                () -> new BinaryCrossEntropyWithLogitsBackward0(input, target, reduction), input, target);
    }

    /**
     * The element-wise loss in float64, as {@link BceWithLogitsFloat#loss}: (1-t)·x + m + ln(1 + e^-|x|).
     */
    private static double[] bceWithLogitsElements(double[] x, double[] t) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            double m = Math.max(-x[i], 0);
            r[i] = ((1 - t[i]) * x[i] + m) + LaneMath.log(1 + LaneMath.exp(-Math.abs(x[i]), true), true);
        }
        return r;
    }

    /** dL/dx = σ(x) - t, dL/dt = -x (each times the incoming gradient, over n for mean). */
    static final class BinaryCrossEntropyWithLogitsBackward0 extends Node implements FreshOrGivenGradients {
        private final SavedTensor self;
        private final SavedTensor target;
        private final Reduction reduction;

        BinaryCrossEntropyWithLogitsBackward0(Tensor input, Tensor target, Reduction reduction) {
            this.self = save(input);
            this.target = save(target);
            this.reduction = reduction;
        }

        @Override
        public String name() {
            return "BinaryCrossEntropyWithLogitsBackward0";
        }

        /**
         * (σ(x) - t) · grad, then / numel for mean, each step rounded to the dtype; σ is PyTorch's sigmoid
         * kernel over the whole input (its vectorised blocks and scalar tail).
         */
        private Tensor inputGrad(Tensor grad, Tensor input, Tensor targetValues) {
            if (input.dtype() == DType.FLOAT32 && targetValues.dtype() == DType.FLOAT32
                    && grad.dtype() == DType.FLOAT32 && grad.numel() == 1) {
                // the same steps in one pass: sigmoid, - t, · grad, / numel, each rounded to float
                return Tensor.fromFloats(input.shape(), BceWithLogitsFloat.inputGrad(input.floats(),
                        targetValues.floats(), grad.floats()[0], reduction == Reduction.MEAN, input.numel()));
            }
            Tensor sigmoid = input.dtype() == DType.FLOAT32
                    ? Tensor.fromFloats(input.shape(), TorchUnaryKernels.sigmoidFloat(input.floats()))
                    : Tensor.fromData(input.shape(), input.dtype(), TorchUnaryKernels.sigmoidDouble(input.data()));
            Tensor d = Broadcast.apply(sigmoid, targetValues, input.shape(), input.dtype(), BasicOp.SUB);
            return timesGrad(grad, d, reduction);
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor t = target.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? inputGrad(grads[0], x, t) : null,
                needsInputGrad(1) ? chain(grads[0], t, x, reduction, (tv, xv) -> -xv) : null,
            };
        }

        /**
         * torch's composite backward, recorded: (sigmoid(self) - target) · grad and -self · grad, each divided by
         * numel for mean.
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor x = self.unpack();
            Tensor t = target.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? meanOf(Arithmetic.mul(Arithmetic.sub(Pointwise.sigmoid(x), t), g), x) : null,
                needsInputGrad(1) ? meanOf(Arithmetic.mul(Arithmetic.neg(x), g), x) : null,
            };
        }

        private Tensor meanOf(Tensor grad, Tensor input) {
            return reduction == Reduction.MEAN ? Arithmetic.divScalar(grad, input.numel()) : grad;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("pos_weight", null);
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
            out.put("weight", null);
        }
    }

    // ----- binary_cross_entropy

    /** {@code F.binary_cross_entropy(input, target, reduction=...)} on probabilities. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Reduction reduction) {
        if (!input.shape().equals(target.shape())) {
            throw TorchException.value("Using a target size (" + target.shape()
                    + ") that is different to the input size (" + input.shape() + ") is deprecated. Please ensure "
                    + "they have the same size.");
        }
        for (double v : input.data()) {
            if (!(v >= 0 && v <= 1)) {
                throw TorchException.runtime("all elements of input should be between 0 and 1");
            }
        }
        // NOTE: PyTorch clamps each log at -100 so that x = 0 or 1 gives a finite loss.
        Broadcast.BinaryFn elementLoss = Broadcast.resultType(input, target) == DType.FLOAT32
                ? (x, t) -> bceFloat((float) x, (float) t)
                : (x, t) -> (t - 1) * Math.max(GlibcLog.log(1 - x), -100) - t * Math.max(GlibcLog.log(x), -100);
        Tensor out = reduced(input, target, elementLoss, reduction);
        return Autograd.record("binary_cross_entropy", out,
                () -> new BinaryCrossEntropyBackward0(input, target, reduction), input, target);
    }

    /** torch's CPU kernel in float: (t - 1)·max(log(1 - x), -100) - t·max(log x, -100), glibc's logf. */
    private static float bceFloat(float x, float t) {
        return (t - 1) * Math.max(GlibcLog.logf(1 - x), -100f) - t * Math.max(GlibcLog.logf(x), -100f);
    }

    /** dL/dx = (x - t) / max(x(1-x), 1e-12); dL/dt = ln(1-x) - ln x (logs clamped at -100). */
    static final class BinaryCrossEntropyBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor target;
        private final Reduction reduction;

        BinaryCrossEntropyBackward0(Tensor input, Tensor target, Reduction reduction) {
            this.self = save(input);
            this.target = save(target);
            this.reduction = reduction;
        }

        @Override
        public String name() {
            return "BinaryCrossEntropyBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor t = target.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? BackwardOps.binaryCrossEntropyBackward(grads[0], x, t, reduction) : null,
                needsInputGrad(1) ? chain(grads[0], t, x, reduction,
                        (tv, xv) -> Math.max(Math.log(1 - xv), -100) - Math.max(Math.log(xv), -100)) : null,
            };
        }

        /** binary_cross_entropy_backward, recorded (the target's gradient is not: refused by name when needed). */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return needsInputGrad(1) ? null : apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
            out.put("weight", null);
        }
    }

    // ----- mse_loss

    /** {@code F.mse_loss(input, target, reduction=...)}; the shapes must be equal. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        if (!input.shape().equals(target.shape())) {
            Broadcast.shapes(input.shape(), target.shape());
            throw TorchException.runtime("gradviz: mse_loss needs input and target of the same size, got "
                    + input.shape() + " and " + target.shape());
        }
        // PyTorch: d = x - t, then d * d, each rounded to the dtype
        DType dt = Broadcast.resultType(input, target);
        Tensor out = reduced(input, target, (x, t) -> {
            double d = dt.round(x - t);
            return d * d;
        }, reduction);
        return Autograd.record("mse_loss", out, () -> new MseLossBackward0(input, target, reduction), input, target);
    }

    /** dL/dx = 2(x - t), dL/dt = 2(t - x), over n for mean. */
    static final class MseLossBackward0 extends Node implements FreshOrGivenGradients {
        private final SavedTensor self;
        private final SavedTensor target;
        private final Reduction reduction;

        MseLossBackward0(Tensor input, Tensor target, Reduction reduction) {
            this.self = save(input);
            this.target = save(target);
            this.reduction = reduction;
        }

        @Override
        public String name() {
            return "MseLossBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor t = target.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? BackwardOps.mseLossBackward(grads[0], x, t, reduction) : null,
                needsInputGrad(1) ? BackwardOps.mseLossBackward(grads[0], t, x, reduction) : null,
            };
        }

        /** mse_loss_backward is an op of its own, recorded as MseLossBackwardBackward0. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
        }
    }
}
