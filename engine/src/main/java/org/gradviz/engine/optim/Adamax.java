package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * {@code torch.optim.Adamax(params, lr, betas, eps, weight_decay, maximize)}, PyTorch 1.13's
 * {@code _single_tensor_adamax}:
 * <pre>
 * step_t += 1; grad = grad.add(param, alpha=weight_decay)
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
 * norm_buf = torch.cat([exp_inf.mul_(beta2).unsqueeze(0), grad.abs().add_(eps).unsqueeze_(0)], 0)
 * torch.amax(norm_buf, 0, keepdim=False, out=exp_inf)
 * clr = lr / (1 - beta1 ** step)                               (Python floats)
 * param.addcdiv_(exp_avg, exp_inf, value=-clr)
 * </pre>
 * State: {@code step} (a float32 0-dim tensor), {@code exp_avg}, {@code exp_inf}.
 */
public final class Adamax extends AdamFamily {
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    public Adamax(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean maximize) {
        super(params, lr, beta1, beta2);
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
    }

    /** The state of {@code p}, made the first time, with its step counted; {@code -clr} for this step. */
    private double advance(Tensor p, Map<String, Object> s) {
        if (s.isEmpty()) {
            s.put("step", scalar(0));
            s.put("exp_avg", zerosLike(p));
            s.put("exp_inf", zerosLike(p));
        }
        double step = countStep(s);
        return -(lr() / (1 - GlibcPow.pow(beta1, step)));
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = stateOf(p);
        float negClr = (float) advance(p, s);
        float[] expAvg = floats(s, "exp_avg");
        float[] expInf = floats(s, "exp_inf");
        float decay = (float) weightDecay;
        float b1 = (float) beta1;
        float rest1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float epsilon = (float) eps;
        for (int i = 0; i < values.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = Moments.decayed(g, values[i], decay);
            }
            expAvg[i] = Moments.first(expAvg[i], g, b1, rest1);
            // NOTE: amax propagates NaN, as Math.max does
            expInf[i] = Math.max(expInf[i] * b2, Math.abs(g) + epsilon);
            values[i] += negClr * expAvg[i] / expInf[i];
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = stateOf(p);
        double negClr = advance(p, s);
        double[] expAvg = doubles(s, "exp_avg");
        double[] expInf = doubles(s, "exp_inf");
        double rest1 = 1 - beta1;
        for (int i = 0; i < values.length; i++) {
            double g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = Moments.decayed(g, values[i], weightDecay);
            }
            expAvg[i] = Moments.first(expAvg[i], g, beta1, rest1);
            expInf[i] = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
            values[i] += negClr * expAvg[i] / expInf[i];
        }
    }
}
