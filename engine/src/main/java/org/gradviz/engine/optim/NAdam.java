package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * {@code torch.optim.NAdam(params, lr, betas, eps, weight_decay, momentum_decay)}, PyTorch 1.13's
 * {@code _single_tensor_nadam}:
 * <pre>
 * step_t += 1; bias_correction2 = 1 - beta2 ** step; grad = grad.add(param, alpha=weight_decay)
 * mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))              (Python floats)
 * mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
 * mu_product *= mu; mu_product_next = mu_product * mu * mu_next            (0-dim tensors, default dtype)
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 * denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
 * param.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mu_product.item()))
 * param.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1. - mu_product_next.item()))
 * </pre>
 * State: {@code step}, {@code mu_product} (0-dim tensors of the default dtype when made), {@code exp_avg},
 * {@code exp_avg_sq}.
 */
public final class NAdam extends AdamFamily {
    private final double eps;
    private final double weightDecay;
    private final double momentumDecay;

    public NAdam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            double momentumDecay) {
        super(params, lr, beta1, beta2);
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentumDecay = momentumDecay;
    }

    @Override
    protected int inPlaceOps() {
        // two param.addcdiv_
        return 2;
    }

    /** One step's scalars: {@code bias_correction2} and the two addcdiv_ values, after the state's counts advance. */
    private record Scalars(double biasCorrection2, double gradValue, double avgValue) {
    }

    private Scalars advance(Tensor p, Map<String, Object> s) {
        if (s.isEmpty()) {
            s.put("step", scalar(0));
            s.put("mu_product", scalar(1));
            s.put("exp_avg", zerosLike(p));
            s.put("exp_avg_sq", zerosLike(p));
        }
        double step = countStep(s);
        double biasCorrection2 = 1 - GlibcPow.pow(beta2, step);
        double mu = beta1 * (1. - 0.5 * GlibcPow.pow(0.96, step * momentumDecay));
        double muNext = beta1 * (1. - 0.5 * GlibcPow.pow(0.96, (step + 1) * momentumDecay));
        double muProduct = multiplyScalar(s, "mu_product", mu);
        // mu_product * mu * mu_next: two products of the 0-dim tensor by Python floats, in its dtype
        DType dtype = entry(s, "mu_product").dtype();
        double muProductNext = dtype.round(dtype.round(muProduct * dtype.round(mu)) * dtype.round(muNext));
        double lr = lr();
        return new Scalars(biasCorrection2, -lr * (1. - mu) / (1. - muProduct),
                -lr * muNext / (1. - muProductNext));
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = stateOf(p);
        Scalars k = advance(p, s);
        float[] expAvg = floats(s, "exp_avg");
        float[] expAvgSq = floats(s, "exp_avg_sq");
        Moments.Floats m = Moments.Floats.of(weightDecay, beta1, beta2);
        float bc2 = (float) k.biasCorrection2();
        float epsilon = (float) eps;
        float gradValue = (float) k.gradValue();
        float avgValue = (float) k.avgValue();
        for (int i = 0; i < values.length; i++) {
            float g = m.decayed(grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            float denom = (float) Math.sqrt(expAvgSq[i] / bc2) + epsilon;
            values[i] += gradValue * g / denom;
            values[i] += avgValue * expAvg[i] / denom;
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = stateOf(p);
        Scalars k = advance(p, s);
        double[] expAvg = doubles(s, "exp_avg");
        double[] expAvgSq = doubles(s, "exp_avg_sq");
        Moments.Doubles m = Moments.Doubles.of(weightDecay, beta1, beta2);
        for (int i = 0; i < values.length; i++) {
            double g = m.decayed(grad[i], values[i]);
            expAvg[i] = m.first(expAvg[i], g);
            expAvgSq[i] = m.second(expAvgSq[i], g);
            double denom = Math.sqrt(expAvgSq[i] / k.biasCorrection2()) + eps;
            values[i] += k.gradValue() * g / denom;
            values[i] += k.avgValue() * expAvg[i] / denom;
        }
    }
}
