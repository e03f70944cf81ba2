package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * {@code torch.optim.Adam(params, lr, betas, eps, weight_decay, maximize)}, PyTorch 1.13's {@code _single_tensor_adam}
 * <pre>
 * step += 1; grad = grad.add(param, alpha=weight_decay)
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 * step_size = lr / (1 - beta1 ** step); bias_correction2_sqrt = sqrt(1 - beta2 ** step)   (Python floats)
 * denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
 *     with amsgrad: torch.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq), whose sqrt replaces exp_avg_sq's
 * param.addcdiv_(exp_avg, denom, value=-step_size)
 * </pre>
 * and {@code torch.optim.AdamW}'s {@code _single_tensor_adamw}, the same but for its decoupled weight decay: the
 * gradient is left as it is and {@code param.mul_(1 - lr * weight_decay)} comes first.
 */
public final class Adam extends AdamFamily {
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;
    private final boolean decoupledDecay;
    private final boolean amsgrad;

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean maximize) {
        this(params, lr, beta1, beta2, eps, weightDecay, maximize, false, false);
    }

    /** {@code torch.optim.Adam(..., amsgrad)}, or AdamW's with {@code decoupledDecay}. */
    public static Adam withAmsgrad(List<Tensor> params, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean maximize, boolean decoupledDecay, boolean amsgrad) {
        return new Adam(params, lr, beta1, beta2, eps, weightDecay, maximize, decoupledDecay, amsgrad);
    }

    /** {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay, maximize)}. */
    public static Adam adamW(List<Tensor> params, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean maximize) {
        return new Adam(params, lr, beta1, beta2, eps, weightDecay, maximize, true, false);
    }

    private Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean maximize, boolean decoupledDecay, boolean amsgrad) {
        super(params, lr, beta1, beta2);
        if (!(lr >= 0)) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (!(eps >= 0)) {
            throw TorchException.value("Invalid epsilon value: " + eps);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw TorchException.value("Invalid beta parameter at index 0: " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw TorchException.value("Invalid beta parameter at index 1: " + beta2);
        }
        if (!(weightDecay >= 0)) {
            throw TorchException.value("Invalid weight_decay value: " + weightDecay);
        }
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
        this.decoupledDecay = decoupledDecay;
        this.amsgrad = amsgrad;
    }

    @Override
    protected int inPlaceOps() {
        // AdamW: param.mul_ and param.addcdiv_
        return decoupledDecay ? 2 : 1;
    }

    /**
     * The state of {@code p}, made the first time as torch makes it (step, exp_avg, exp_avg_sq, then max_exp_avg_sq
     * with amsgrad); the step counted, its new value.
     */
    private double advance(Tensor p, Map<String, Object> s) {
        if (s.isEmpty()) {
            s.put("step", scalar(0));
            s.put("exp_avg", zerosLike(p));
            s.put("exp_avg_sq", zerosLike(p));
            if (amsgrad) {
                s.put("max_exp_avg_sq", zerosLike(p));
            }
        }
        return countStep(s);
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = stateOf(p);
        double step = advance(p, s);
        float[] expAvg = floats(s, "exp_avg");
        float[] expAvgSq = floats(s, "exp_avg_sq");
        float[] maxSq = amsgrad ? floats(s, "max_exp_avg_sq") : null;
        // AdamW shrinks the parameter instead of decaying the gradient
        Moments.Floats m = Moments.Floats.of(decoupledDecay ? 0 : weightDecay, beta1, beta2);
        float shrink = (float) (1 - lr() * weightDecay);
        float bc2Sqrt = (float) Math.sqrt(biasCorrection(beta2, step));
        float epsilon = (float) eps;
        float negStepSize = (float) -(lr() / biasCorrection(beta1, step));
        for (int i = 0; i < values.length; i++) {
            if (decoupledDecay) {
                values[i] *= shrink;
            }
            float g = m.decayed(maximize ? -grad[i] : grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            float second = expAvgSq[i];
            if (amsgrad) {
                // NOTE: torch.maximum propagates NaN
                maxSq[i] = Float.isNaN(second) || second > maxSq[i] ? second : maxSq[i];
                second = maxSq[i];
            }
            float denom = (float) Math.sqrt(second) / bc2Sqrt + epsilon;
            values[i] += negStepSize * expAvg[i] / denom;
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = stateOf(p);
        double step = advance(p, s);
        double[] expAvg = doubles(s, "exp_avg");
        double[] expAvgSq = doubles(s, "exp_avg_sq");
        double[] maxSq = amsgrad ? doubles(s, "max_exp_avg_sq") : null;
        Moments.Doubles m = Moments.Doubles.of(decoupledDecay ? 0 : weightDecay, beta1, beta2);
        double shrink = 1 - lr() * weightDecay;
        double bc2Sqrt = Math.sqrt(biasCorrection(beta2, step));
        double negStepSize = -(lr() / biasCorrection(beta1, step));
        for (int i = 0; i < values.length; i++) {
            if (decoupledDecay) {
                values[i] *= shrink;
            }
            double g = m.decayed(maximize ? -grad[i] : grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            double second = expAvgSq[i];
            if (amsgrad) {
                // NOTE: torch.maximum propagates NaN
                maxSq[i] = Double.isNaN(second) || second > maxSq[i] ? second : maxSq[i];
                second = maxSq[i];
            }
            double denom = Math.sqrt(second) / bc2Sqrt + eps;
            values[i] += negStepSize * expAvg[i] / denom;
        }
    }

    /** {@code 1 - beta ** step}, which torch computes in Python: glibc's pow. */
    private static double biasCorrection(double beta, double step) {
        return 1 - GlibcPow.pow(beta, step);
    }
}
