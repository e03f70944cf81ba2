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
        Moments.Floats m = Moments.Floats.of(weightDecay, beta1, beta2);
        float epsilon = (float) eps;
        for (int i = 0; i < values.length; i++) {
            float g = m.decayed(maximize ? -grad[i] : grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            // NOTE: amax propagates NaN, as Math.max does
            expInf[i] = Math.max(expInf[i] * m.beta2(), Math.abs(g) + epsilon);
            values[i] += negClr * expAvg[i] / expInf[i];
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = stateOf(p);
        double negClr = advance(p, s);
        double[] expAvg = doubles(s, "exp_avg");
        double[] expInf = doubles(s, "exp_inf");
        Moments.Doubles m = Moments.Doubles.of(weightDecay, beta1, beta2);
        for (int i = 0; i < values.length; i++) {
            double g = m.decayed(maximize ? -grad[i] : grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expInf[i] = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
            values[i] += negClr * expAvg[i] / expInf[i];
        }
    }
}
