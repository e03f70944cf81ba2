package org.gradviz.engine.optim;

import org.gradviz.engine.CpuCapability;

/**
 * The element steps Adam, Adamax, NAdam and RAdam share, each rounded as torch's op rounds it (fused where PyTorch's
 * AVX2 kernel fuses, see {@link Optimizer}):
 * <pre>
 * grad.add(param, alpha=weight_decay)                          decayed
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)              first
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2) second
 * </pre>
 * {@code rest} is {@code 1 - beta}, computed (as torch does) in Python before it is rounded to the dtype.
 */
final class Moments {
    private Moments() {
    }

    static float decayed(float grad, float param, float weightDecay) {
        return CpuCapability.mulAdd(param, weightDecay, grad);
    }

    static double decayed(double grad, double param, double weightDecay) {
        return CpuCapability.mulAdd(param, weightDecay, grad);
    }

    static float first(float expAvg, float grad, float beta, float rest) {
        return CpuCapability.mulAdd(grad, rest, expAvg * beta);
    }

    static double first(double expAvg, double grad, double beta, double rest) {
        return CpuCapability.mulAdd(grad, rest, expAvg * beta);
    }

    static float second(float expAvgSq, float grad, float beta, float rest) {
        return CpuCapability.mulAdd(rest * grad, grad, expAvgSq * beta);
    }

    static double second(double expAvgSq, double grad, double beta, double rest) {
        return CpuCapability.mulAdd(rest * grad, grad, expAvgSq * beta);
    }
}
