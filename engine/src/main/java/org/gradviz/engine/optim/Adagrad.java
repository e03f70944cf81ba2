package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.optim.Adagrad(params, lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize)}, PyTorch
 * 1.13's {@code _single_tensor_adagrad}:
 * <pre>
 * step += 1; grad = grad.add(param, alpha=weight_decay)
 * clr = lr / (1 + (step - 1) * lr_decay)                      (Python floats)
 * state_sum.addcmul_(grad, grad, value=1)
 * std = state_sum.sqrt().add_(eps)
 * param.addcdiv_(grad, std, value=-clr)
 * </pre>
 * The argument checks are the caller's (the runner has torch's messages).
 */
public final class Adagrad extends Optimizer {
    private final double lrDecay;
    private final double weightDecay;
    private final double initialAccumulator;
    private final double eps;
    private final boolean maximize;
    private final Map<Tensor, State> states = new IdentityHashMap<>();

    /** The step count and the running sum of squared gradients, per parameter. */
    private static final class State {
        long step;
        final double[] sum;

        State(int n, double initial, DType dtype) {
            sum = new double[n];
            java.util.Arrays.fill(sum, dtype.round(initial));
        }
    }

    public Adagrad(List<Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulator,
            double eps, boolean maximize) {
        super(params, lr);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulator = initialAccumulator;
        this.eps = eps;
        this.maximize = maximize;
        // NOTE: torch makes the sums when the optimiser is made, not at the first step
        for (Tensor p : params) {
            states.put(p, new State(p.numel(), initialAccumulator, p.dtype()));
        }
    }

    @Override
    protected void update() {
        for (Tensor p : params()) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            DType dt = p.dtype();
            State s = states.computeIfAbsent(p, k -> new State(k.numel(), initialAccumulator, dt));
            s.step++;
            double[] grad = startingGradient(p, g, maximize, weightDecay);
            double clr = lr() / (1 + (s.step - 1) * lrDecay);
            UpdateKernels.addcmul(s.sum, grad, grad, 1, dt);
            double epsilon = dt.round(eps);
            double[] std = new double[grad.length];
            for (int i = 0; i < std.length; i++) {
                std[i] = dt.round(dt.round(Math.sqrt(s.sum[i])) + epsilon);
            }
            double[] updated = p.data().clone();
            UpdateKernels.addcdiv(updated, grad, std, -clr, dt);
            p.assignInPlace(Tensor.fromData(p.shape(), dt, updated));
        }
    }
}
