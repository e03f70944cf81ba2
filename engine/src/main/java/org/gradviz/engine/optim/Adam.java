package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.kernels.GlibcPow;

/**
 * {@code torch.optim.Adam(params, lr, betas, eps, weight_decay, maximize)}, PyTorch 1.13's {@code _single_tensor_adam}
 * (amsgrad off):
 * <pre>
 * step += 1; grad = grad.add(param, alpha=weight_decay)
 * exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
 * exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 * step_size = lr / (1 - beta1 ** step); bias_correction2_sqrt = sqrt(1 - beta2 ** step)   (Python floats)
 * denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
 * param.addcdiv_(exp_avg, denom, value=-step_size)
 * </pre>
 * and {@code torch.optim.AdamW}'s {@code _single_tensor_adamw}, the same but for its decoupled weight decay: the
 * gradient is left as it is and {@code param.mul_(1 - lr * weight_decay)} comes first.
 */
public final class Adam extends Optimizer {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;
    private final boolean decoupledDecay;
    private final Map<Tensor, State> states = new IdentityHashMap<>();

    /** The per-parameter state PyTorch keeps: the step count and the two running averages. */
    private static final class State {
        long step;
        final double[] expAvg;
        final double[] expAvgSq;

        State(int n) {
            expAvg = new double[n];
            expAvgSq = new double[n];
        }
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean maximize) {
        this(params, lr, beta1, beta2, eps, weightDecay, maximize, false);
    }

    /** {@code torch.optim.AdamW(params, lr, betas, eps, weight_decay, maximize)}. */
    public static Adam adamW(List<Tensor> params, double lr, double beta1, double beta2, double eps,
            double weightDecay, boolean maximize) {
        return new Adam(params, lr, beta1, beta2, eps, weightDecay, maximize, true);
    }

    private Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
            boolean maximize, boolean decoupledDecay) {
        super(params, lr);
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
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
        this.decoupledDecay = decoupledDecay;
    }

    @Override
    protected void update() {
        for (Tensor p : params()) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            DType dt = p.dtype();
            double[] grad = startingGradient(p, g, maximize, decoupledDecay ? 0 : weightDecay);
            double[] updated = p.data().clone();
            if (decoupledDecay) {
                UpdateKernels.scale(updated, 1 - lr() * weightDecay, dt);
            }
            State s = states.computeIfAbsent(p, k -> new State(k.numel()));
            s.step++;
            UpdateKernels.scale(s.expAvg, beta1, dt);
            UpdateKernels.addScaled(s.expAvg, grad, 1 - beta1, dt);
            UpdateKernels.scale(s.expAvgSq, beta2, dt);
            UpdateKernels.addcmul(s.expAvgSq, grad, grad, 1 - beta2, dt);
            // NOTE: torch computes these in Python: beta ** step is glibc's pow
            double biasCorrection1 = 1 - GlibcPow.pow(beta1, s.step);
            double biasCorrection2 = 1 - GlibcPow.pow(beta2, s.step);
            double stepSize = lr() / biasCorrection1;
            double bc2Sqrt = dt.round(Math.sqrt(biasCorrection2));
            double epsilon = dt.round(eps);
            double[] denom = new double[grad.length];
            for (int i = 0; i < denom.length; i++) {
                double root = dt.round(Math.sqrt(s.expAvgSq[i]));
                denom[i] = dt.round(dt.round(root / bc2Sqrt) + epsilon);
            }
            UpdateKernels.addcdiv(updated, s.expAvg, denom, -stepSize, dt);
            p.assignInPlace(Tensor.fromData(p.shape(), dt, updated));
        }
    }
}
