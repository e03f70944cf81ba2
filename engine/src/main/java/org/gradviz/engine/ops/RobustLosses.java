package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.TorchActivationKernels;

/**
 * The regression losses that grow linearly for large errors: {@code F.l1_loss} (torch composes it of ops),
 * {@code F.smooth_l1_loss} and {@code F.huber_loss} (one node each). Their kernels run torch's vectorised loop
 * (two AVX2 vectors per step) and scalar tail, which order their roundings differently.
 */
public final class RobustLosses {
    private RobustLosses() {
    }

    private static void checkSameShape(String name, Tensor input, Tensor target) {
        if (!input.shape().equals(target.shape())) {
            Broadcast.shapes(input.shape(), target.shape());
            throw TorchException.runtime("gradviz: " + name + " needs input and target of the same size, got "
                    + input.shape() + " and " + target.shape());
        }
    }

    private static int lanes(DType dt) {
        return dt == DType.FLOAT32 ? 8 : 4;
    }

    // ----- l1_loss

    /** {@code F.l1_loss}: (input - target).abs(), then its mean or sum, recorded op by op as torch composes it. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        checkSameShape("l1_loss", input, target);
        Tensor loss = Pointwise.abs(Arithmetic.sub(input, target));
        return switch (reduction) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
        };
    }

    // ----- smooth_l1_loss, huber_loss

    /** {@code F.smooth_l1_loss(input, target, reduction, beta)}: z < beta ? 0.5·z²/beta : z - 0.5·beta, z = |x - t|. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) {
            throw TorchException.runtime("smooth_l1_loss does not support negative values for beta.");
        }
        checkSameShape("smooth_l1_loss", input, target);
        if (beta == 0) {
            throw new org.gradviz.engine.NotSupportedException("smooth_l1_loss with beta=0");
        }
        Tensor out = reduction.reduce(elements(input, target, beta, false));
        return Autograd.record("smooth_l1_loss", out,
                () -> new RobustLossBackward("SmoothL1LossBackward0", "beta", input, target, reduction, beta),
                input, target);
    }

    /** {@code F.huber_loss(input, target, reduction, delta)}: z < delta ? 0.5·z² : delta·(z - 0.5·delta). */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (delta <= 0) {
            throw TorchException.runtime("huber_loss does not support non-positive values for delta.");
        }
        checkSameShape("huber_loss", input, target);
        Tensor out = reduction.reduce(elements(input, target, delta, true));
        return Autograd.record("huber_loss", out,
                () -> new RobustLossBackward("HuberLossBackward0", "delta", input, target, reduction, delta),
                input, target);
    }

    /**
     * The element-wise loss computed in the common dtype (the vector and scalar forms agree here), stored in it for
     * smooth_l1_loss and in the input's dtype for huber_loss, whose output is {@code empty_like(input)}.
     */
    private static Tensor elements(Tensor input, Tensor target, double b, boolean huber) {
        DType dt = Broadcast.resultType(input, target);
        Shape shape = input.shape();
        double[] x = dt.roundAll(Broadcast.expand(input, shape));
        double[] t = dt.roundAll(Broadcast.expand(target, shape));
        double[] r = new double[x.length];
        double bv = dt.round(b);
        double half = dt.round(0.5 * bv);
        for (int i = 0; i < r.length; i++) {
            double z = Math.abs(dt.round(x[i] - t[i]));
            double small = huber ? dt.round(0.5 * z) * z : dt.round(dt.round(0.5 * z) * z) / bv;
            double large = huber ? bv * dt.round(z - half) : z - half;
            r[i] = dt.round(z < bv ? small : large);
        }
        DType out = huber ? input.dtype() : dt;
        return Tensor.fromData(shape, out, out.roundAll(r));
    }

    /**
     * smooth_l1_loss_backward and huber_loss_backward (with input and target swapped for the target's gradient):
     * norm·clamp-like(x)·grad, norm = 1/numel for mean, computed in the common dtype and given in the input's.
     */
    static final class RobustLossBackward extends Node {
        private final String name;
        private final String parameter;
        private final SavedTensor self;
        private final SavedTensor target;
        private final Reduction reduction;
        private final double b;

        RobustLossBackward(String name, String parameter, Tensor input, Tensor target, Reduction reduction,
                double b) {
            this.name = name;
            this.parameter = parameter;
            this.self = save(input);
            this.target = save(target);
            this.reduction = reduction;
            this.b = b;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = self.unpack();
            Tensor t = target.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? backward(grads[0], x, t) : null,
                needsInputGrad(1) ? backward(grads[0], t, x) : null,
            };
        }

        /** The kernel over (input, target, grad): the vectorised elements first, then the scalar tail. */
        private Tensor backward(Tensor grad, Tensor input, Tensor other) {
            boolean huber = name.startsWith("Huber");
            if (huber) {
                // NOTE: huber_loss_backward's iterator does not promote (smooth_l1_loss_backward's does)
                Broadcast.checkSameDtype(input, other, grad);
            }
            DType dt = Broadcast.resultType(input, other);
            Shape shape = input.shape();
            double[] x = dt.roundAll(Broadcast.expand(input, shape));
            double[] t = dt.roundAll(Broadcast.expand(other, shape));
            double[] g = dt.roundAll(Broadcast.expand(grad, shape));
            double norm = dt.round(reduction == Reduction.MEAN ? 1.0 / input.numel() : 1.0);
            double bv = dt.round(b);
            int vectorized = TorchActivationKernels.vectorized(x.length, lanes(dt));
            double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                double d = dt.round(x[i] - t[i]);
                if (i < vectorized) {
                    double sign = d > 0 ? 1 : -1;
                    double out = Math.abs(d) >= bv ? (huber ? sign * bv : sign) : (huber ? d : dt.round(d / bv));
                    r[i] = dt.round(dt.round(norm * out) * g[i]);
                } else if (huber) {
                    r[i] = d <= -bv ? dt.round(dt.round(-norm * g[i]) * bv)
                            : d >= bv ? dt.round(dt.round(norm * g[i]) * bv)
                            : dt.round(dt.round(norm * d) * g[i]);
                } else {
                    r[i] = d <= -bv ? dt.round(-norm * g[i])
                            : d >= bv ? dt.round(norm * g[i])
                            : dt.round(dt.round(dt.round(norm * d) * g[i]) / bv);
                }
            }
            // NOTE: the kernel's output is zeros_like(input): the gradient comes back in that input's dtype
            return Tensor.fromData(shape, input.dtype(), input.dtype().roundAll(r));
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put(parameter, b);
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
        }
    }
}
