package org.gradviz.engine.optim;

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
            init(p, stateOf(p));
        }
    }

    /** torch's state of {@code p}: {@code step} (a float32 0-dim tensor) and {@code sum}, full of the initial value. */
    private void init(Tensor p, Map<String, Object> s) {
        s.put("step", scalar(0));
        Tensor sum = zerosLike(p);
        if (p.dtype() == DType.FLOAT32) {
            java.util.Arrays.fill(sum.floats(), (float) initialAccumulator);
        } else {
            java.util.Arrays.fill(sum.data(), p.dtype().round(initialAccumulator));
        }
        s.put("sum", sum);
    }

    /** The state of {@code p} with its step counted; {@code -clr}, {@code -lr / (1 + (step - 1) * lr_decay)}. */
    private double advance(Tensor p, Map<String, Object> s) {
        if (s.isEmpty()) {
            init(p, s);
        }
        double step = countStep(s);
        return -(lr() / (1 + (step - 1) * lrDecay));
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = stateOf(p);
        float negClr = (float) advance(p, s);
        float[] sum = floats(s, "sum");
        float decay = (float) weightDecay;
        float epsilon = (float) eps;
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
        Map<String, Object> s = stateOf(p);
        double negClr = advance(p, s);
        double[] sum = doubles(s, "sum");
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
