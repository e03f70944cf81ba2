package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
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

    /**
     * The step count and the running sum of squared gradients, per parameter: {@code float[]} for a float32
     * parameter, else {@code double[]}.
     */
    private static final class State {
        long step;
        final Object sum;

        State(Tensor p, double initial) {
            if (p.dtype() == DType.FLOAT32) {
                float[] f = new float[p.numel()];
                java.util.Arrays.fill(f, (float) initial);
                sum = f;
            } else {
                double[] d = new double[p.numel()];
                java.util.Arrays.fill(d, p.dtype().round(initial));
                sum = d;
            }
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
            states.put(p, new State(p, initialAccumulator));
        }
    }

    /** The next step's state of {@code p}, its step count advanced. */
    private State advance(Tensor p) {
        State s = states.computeIfAbsent(p, k -> new State(k, initialAccumulator));
        s.step++;
        return s;
    }

    /** {@code lr / (1 + (step - 1) * lr_decay)}, a Python float in torch. */
    private double clr(State s) {
        return lr() / (1 + (s.step - 1) * lrDecay);
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        State s = advance(p);
        float[] sum = (float[]) s.sum;
        float decay = (float) weightDecay;
        float epsilon = (float) eps;
        float negClr = (float) -clr(s);
        for (int i = 0; i < values.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], decay, g);
            }
            sum[i] = CpuCapability.mulAdd(g, g, sum[i]);
            float std = (float) Math.sqrt(sum[i]) + epsilon;
            values[i] += negClr * g / std;
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        State s = advance(p);
        double[] sum = (double[]) s.sum;
        double negClr = -clr(s);
        for (int i = 0; i < values.length; i++) {
            double g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], weightDecay, g);
            }
            sum[i] = CpuCapability.mulAdd(g, g, sum[i]);
            double std = Math.sqrt(sum[i]) + eps;
            values[i] += negClr * g / std;
        }
    }
}
