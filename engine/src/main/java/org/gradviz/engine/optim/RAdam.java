package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * {@code torch.optim.RAdam(params, lr, betas, eps, weight_decay)}, PyTorch 1.13's {@code _single_tensor_radam}:
 * <pre>
 * step_t += 1; bias_correction1 = 1 - beta1 ** step; bias_correction2 = 1 - beta2 ** step
 * grad = grad.add(param, alpha=weight_decay)
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 * bias_corrected_exp_avg = exp_avg / bias_correction1
 * rho_inf = 2 / (1 - beta2) - 1; rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2   (Python floats)
 * if rho_t > 5.:
 *     rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
 *     adaptive_lr = math.sqrt(bias_correction2) / exp_avg_sq.sqrt().add_(eps)
 *     param.add_(bias_corrected_exp_avg * lr * adaptive_lr * rect, alpha=-1.0)
 * else:
 *     param.add_(bias_corrected_exp_avg * lr, alpha=-1.0)
 * </pre>
 * NOTE: a number divided by a tensor is torch's {@code __rtruediv__}, {@code tensor.reciprocal() * number}.
 * State: {@code step} (a float32 0-dim tensor), {@code exp_avg}, {@code exp_avg_sq}.
 */
public final class RAdam extends AdamFamily {
    private final double eps;
    private final double weightDecay;

    public RAdam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay) {
        super(params, lr, beta1, beta2);
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** One step's scalars; {@code rect} is NaN when rho_t is at most 5 (the unrectified branch). */
    private record Scalars(double biasCorrection1, double sqrtBiasCorrection2, double rect) {
        boolean rectified() {
            return !Double.isNaN(rect);
        }
    }

    private Scalars advance(Tensor p, Map<String, Object> s) {
        if (s.isEmpty()) {
            s.put("step", scalar(0));
            s.put("exp_avg", zerosLike(p));
            s.put("exp_avg_sq", zerosLike(p));
        }
        double step = countStep(s);
        double biasCorrection1 = 1 - GlibcPow.pow(beta1, step);
        double biasCorrection2 = 1 - GlibcPow.pow(beta2, step);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * GlibcPow.pow(beta2, step) / biasCorrection2;
        double rect = Double.NaN;
        if (rhoT > 5.) {
            rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
        }
        return new Scalars(biasCorrection1, Math.sqrt(biasCorrection2), rect);
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = stateOf(p);
        Scalars k = advance(p, s);
        float[] expAvg = floats(s, "exp_avg");
        float[] expAvgSq = floats(s, "exp_avg_sq");
        Moments.Floats m = Moments.Floats.of(weightDecay, beta1, beta2);
        float bc1 = (float) k.biasCorrection1();
        float lr = (float) lr();
        float sqrtBc2 = (float) k.sqrtBiasCorrection2();
        float rect = (float) k.rect();
        float epsilon = (float) eps;
        for (int i = 0; i < values.length; i++) {
            float g = m.decayed(grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            float corrected = expAvg[i] / bc1;
            if (k.rectified()) {
                float adaptiveLr = 1f / ((float) Math.sqrt(expAvgSq[i]) + epsilon) * sqrtBc2;
                values[i] -= corrected * lr * adaptiveLr * rect;
            } else {
                values[i] -= corrected * lr;
            }
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = stateOf(p);
        Scalars k = advance(p, s);
        double[] expAvg = doubles(s, "exp_avg");
        double[] expAvgSq = doubles(s, "exp_avg_sq");
        Moments.Doubles m = Moments.Doubles.of(weightDecay, beta1, beta2);
        double lr = lr();
        for (int i = 0; i < values.length; i++) {
            double g = m.decayed(grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            double corrected = expAvg[i] / k.biasCorrection1();
            if (k.rectified()) {
                double adaptiveLr = 1 / (Math.sqrt(expAvgSq[i]) + eps) * k.sqrtBiasCorrection2();
                values[i] -= corrected * lr * adaptiveLr * k.rect();
            } else {
                values[i] -= corrected * lr;
            }
        }
    }
}
