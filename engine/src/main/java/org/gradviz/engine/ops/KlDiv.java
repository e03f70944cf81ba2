package org.gradviz.engine.ops;

import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.NotSupportedException;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcLog;

/**
 * {@code torch.kl_div(input, target, reduction, log_target)}, which torch 1.13 builds from other ops (so its graph
 * holds theirs): {@code xlogy(target, target) - target * input}, or {@code exp(target) * (target - input)} for a
 * log target, then the mean or sum.
 */
public final class KlDiv {

    private KlDiv() {
    }

    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        if (!input.shape().equals(target.shape())) {
            throw new NotSupportedException("'kl_div' of an input and a target of different sizes");
        }
        Tensor out = logTarget ? Arithmetic.mul(Pointwise.exp(target), Arithmetic.sub(target, input))
                : Arithmetic.sub(xlogy(target), Arithmetic.mul(target, input));
        return switch (reduction) {
            case NONE -> out;
            case MEAN -> Reductions.mean(out);
            case SUM -> Reductions.sum(out);
        };
    }

    /**
     * {@code xlogy(t, t)} of a target that needs no gradient: t·log(t), 0 where t is 0, NaN where t is NaN, as torch's
     * scalar kernel computes it (glibc's logf for float32).
     */
    private static Tensor xlogy(Tensor t) {
        if (t.requiresGrad() && GradMode.isEnabled()) {
            throw new NotSupportedException("'kl_div' of a target that requires grad");
        }
        if (!t.dtype().isFloatingPoint()) {
            throw new NotSupportedException("'kl_div' of an integer target");
        }
        double[] x = t.data();
        double[] r = new double[x.length];
        boolean float32 = t.dtype() == DType.FLOAT32;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                r[i] = Double.NaN;
            } else if (v == 0) {
                r[i] = 0;
            } else {
                r[i] = float32 ? (float) v * GlibcLog.logf((float) v) : v * GlibcLog.log(v);
            }
        }
        return Tensor.fromData(t.shape(), t.dtype(), r);
    }
}
