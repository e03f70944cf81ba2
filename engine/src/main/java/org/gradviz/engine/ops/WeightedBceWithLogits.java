package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.NotSupportedException;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.LaneMath;
import org.gradviz.engine.kernels.TorchUnaryKernels;

/**
 * {@code F.binary_cross_entropy_with_logits(input, target, weight=..., pos_weight=...)}: PyTorch 1.13's composite
 * loss, (1 - t)·x + lw·(log(e^-m + e^(-x-m)) + m) with lw = (pos_weight - 1)·t + 1 and m = max(-x, 0), times weight,
 * each step rounded to the dtype; weight and pos_weight broadcast to the input's shape. exp and log are whole-tensor
 * {@code at::vml} calls, every element a vector lane ({@link LaneMath}).
 */
public final class WeightedBceWithLogits {
    private WeightedBceWithLogits() {
    }

    /** @param weight null for none; @param posWeight null for none */
    public static Tensor loss(Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction reduction) {
        if (!input.shape().equals(target.shape())) {
            throw TorchException.value("Target size (" + target.shape() + ") must be the same as input size ("
                    + input.shape() + ")");
        }
        if (weight == null && posWeight == null) {
            return Losses.binaryCrossEntropyWithLogits(input, target, reduction);
        }
        if (target.requiresGrad() || weight != null && weight.requiresGrad()
                || posWeight != null && posWeight.requiresGrad()) {
            throw new NotSupportedException("binary_cross_entropy_with_logits with weight or pos_weight and a "
                    + "target or weight that requires grad");
        }
        Shape shape = input.shape();
        DType dt = Broadcast.resultType(input, target);
        double[] x = input.data();
        double[] t = dt.roundAll(Broadcast.expand(target, shape));
        double[] pw = posWeight == null ? null : dt.roundAll(Broadcast.expand(posWeight, shape));
        double[] w = weight == null ? null : dt.roundAll(Broadcast.expand(weight, shape));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            double v;
            if (dt == DType.FLOAT32) {
                float xi = (float) x[i];
                float ti = (float) t[i];
                float m = Math.max(-xi, 0f);
                float log = LaneMath.log(1f + LaneMath.exp(-Math.abs(xi), true), true);
                float lw = pw == null ? 1f : ((float) pw[i] - 1f) * ti + 1f;
                float e = pw == null ? ((1f - ti) * xi + m) + log : (1f - ti) * xi + lw * (log + m);
                v = w == null ? e : e * (float) w[i];
            } else {
                double m = Math.max(-x[i], 0);
                double log = LaneMath.log(1 + LaneMath.exp(-Math.abs(x[i]), true), true);
                double lw = pw == null ? 1 : (pw[i] - 1) * t[i] + 1;
                double e = pw == null ? ((1 - t[i]) * x[i] + m) + log : (1 - t[i]) * x[i] + lw * (log + m);
                v = w == null ? e : e * w[i];
            }
            r[i] = v;
        }
        Tensor out = reduction.reduce(Tensor.fromData(shape, dt, r));
        return Autograd.record("binary_cross_entropy_with_logits", out,
                () -> new BinaryCrossEntropyWithLogitsBackward0(input, target, weight, posWeight, reduction),
                input, target);
    }

    /**
     * dL/dx = ((pos_weight·t + 1 - t)·σ(x) - pos_weight·t)·grad·weight, over numel for mean (σ(x) - t without
     * pos_weight), as torch's binary_cross_entropy_with_logits_backward orders it.
     */
    static final class BinaryCrossEntropyWithLogitsBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor target;
        private final SavedTensor weight;
        private final SavedTensor posWeight;
        private final Reduction reduction;

        BinaryCrossEntropyWithLogitsBackward0(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                Reduction reduction) {
            this.self = save(input);
            this.target = save(target);
            this.weight = weight == null ? null : save(weight);
            this.posWeight = posWeight == null ? null : save(posWeight);
            this.reduction = reduction;
        }

        @Override
        public String name() {
            return "BinaryCrossEntropyWithLogitsBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor input = self.unpack();
            Shape shape = input.shape();
            DType dt = input.dtype();
            double[] sig = dt == DType.FLOAT32 ? Tensor.fromFloats(shape, TorchUnaryKernels.sigmoidFloat(
                    input.floats())).data() : TorchUnaryKernels.sigmoidDouble(input.data());
            double[] t = dt.roundAll(Broadcast.expand(target.unpack(), shape));
            double[] pw = posWeight == null ? null : dt.roundAll(Broadcast.expand(posWeight.unpack(), shape));
            double[] w = weight == null ? null : dt.roundAll(Broadcast.expand(weight.unpack(), shape));
            double[] g = dt.roundAll(Broadcast.expand(grads[0], shape));
            double n = input.numel();
            double[] r = new double[sig.length];
            for (int i = 0; i < r.length; i++) {
                double d;
                if (pw != null) {
                    double tp = dt.round(pw[i] * t[i]);
                    d = dt.round(dt.round(dt.round(dt.round(tp + 1) - t[i]) * sig[i]) - tp);
                } else {
                    d = dt.round(sig[i] - t[i]);
                }
                d = dt.round(d * g[i]);
                if (w != null) {
                    d = dt.round(d * w[i]);
                }
                r[i] = reduction == Reduction.MEAN ? dt.round(d / n) : d;
            }
            return new Tensor[] {needsInputGrad(0) ? Tensor.fromData(shape, dt, r) : null, null};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("pos_weight", posWeight);
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
            out.put("weight", weight);
        }
    }
}
