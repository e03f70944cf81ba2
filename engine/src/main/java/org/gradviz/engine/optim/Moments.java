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

    /** A step's weight decay (applied only when not 0) and betas rounded to float32, with the element steps. */
    record Floats(boolean decays, float decay, float beta1, float rest1, float beta2, float rest2) {
        static Floats of(double weightDecay, double beta1, double beta2) {
            return new Floats(weightDecay != 0, (float) weightDecay, (float) beta1, (float) (1 - beta1), (float) beta2,
                    (float) (1 - beta2));
        }

        float decayed(float grad, float param) {
            return decays ? Moments.decayed(grad, param, decay) : grad;
        }

        float first(float expAvg, float grad) {
            return Moments.first(expAvg, grad, beta1, rest1);
        }

        float second(float expAvgSq, float grad) {
            return Moments.second(expAvgSq, grad, beta2, rest2);
        }
    }

    /** {@link Floats} in float64. */
    record Doubles(double decay, double beta1, double rest1, double beta2, double rest2) {
        static Doubles of(double weightDecay, double beta1, double beta2) {
            return new Doubles(weightDecay, beta1, 1 - beta1, beta2, 1 - beta2);
        }

        double decayed(double grad, double param) {
            return decay != 0 ? Moments.decayed(grad, param, decay) : grad;
        }

        double first(double expAvg, double grad) {
            return Moments.first(expAvg, grad, beta1, rest1);
        }

        double second(double expAvgSq, double grad) {
            return Moments.second(expAvgSq, grad, beta2, rest2);
        }
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
