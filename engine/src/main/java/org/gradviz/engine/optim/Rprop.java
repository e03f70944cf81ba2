package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.optim.Rprop(params, lr, etas, step_sizes, maximize)}, PyTorch 1.13's {@code _single_tensor_rprop}:
 * <pre>
 * sign = grad.mul(prev).sign(); sign[sign > 0] = etaplus; sign[sign < 0] = etaminus; sign[sign == 0] = 1
 * step_size.mul_(sign).clamp_(step_size_min, step_size_max)
 * grad = grad.clone(); grad[sign == etaminus] = 0
 * param.addcmul_(grad.sign(), step_size, value=-1)
 * prev.copy_(grad)
 * </pre>
 * State: {@code step} (a Python int), {@code prev} (zeros) and {@code step_size} (lr in the gradient's dtype), made at
 * a parameter's first step: a later change of lr does not reach a parameter that has one.
 */
public final class Rprop extends Optimizer {
    private final double etaMinus;
    private final double etaPlus;
    private final double stepSizeMin;
    private final double stepSizeMax;
    private final boolean maximize;

    public Rprop(List<Tensor> params, double lr, double etaMinus, double etaPlus, double stepSizeMin,
            double stepSizeMax, boolean maximize) {
        super(params, lr);
        if (!(lr >= 0)) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (!(0 < etaMinus && etaMinus < 1 && 1 < etaPlus)) {
            throw TorchException.value("Invalid eta values: " + etaMinus + ", " + etaPlus);
        }
        this.etaMinus = etaMinus;
        this.etaPlus = etaPlus;
        this.stepSizeMin = stepSizeMin;
        this.stepSizeMax = stepSizeMax;
        this.maximize = maximize;
    }

    /** The state of {@code p} (step, prev, step_size), made the first time, its step (a Python int) counted. */
    private Map<String, Object> advance(Tensor p) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0L);
            s.put("prev", zerosLike(p));
            s.put("step_size", filled(p, lr()));
        }
        countIntStep(s);
        return s;
    }

    /** {@code grad.new().resize_as_(grad).fill_(lr)}: the parameter's shape and dtype (its gradient's), lr rounded. */
    private static Tensor filled(Tensor p, double value) {
        Shape shape = p.shape();
        if (p.dtype() == DType.FLOAT32) {
            float[] v = new float[p.numel()];
            java.util.Arrays.fill(v, (float) value);
            return Tensor.fromFloats(shape, v);
        }
        double[] v = new double[p.numel()];
        java.util.Arrays.fill(v, p.dtype().round(value));
        return Tensor.fromData(shape, p.dtype(), v);
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = advance(p);
        float[] prev = floats(s, "prev");
        float[] stepSize = floats(s, "step_size");
        float minus = (float) etaMinus;
        float plus = (float) etaPlus;
        float lo = (float) stepSizeMin;
        float hi = (float) stepSizeMax;
        for (int i = 0; i < values.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            // NOTE: the sign of the float32 product, which underflows to 0 for tiny gradients (no change of step)
            float product = g * prev[i];
            float eta = product > 0 ? plus : product < 0 ? minus : 1f;
            stepSize[i] = Math.min(Math.max(stepSize[i] * eta, lo), hi);
            if (eta == minus) {
                g = 0;
            }
            values[i] = CpuCapability.mulAdd(-Math.signum(g), stepSize[i], values[i]);
            prev[i] = g;
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = advance(p);
        double[] prev = doubles(s, "prev");
        double[] stepSize = doubles(s, "step_size");
        for (int i = 0; i < values.length; i++) {
            double g = maximize ? -grad[i] : grad[i];
            double product = g * prev[i];
            double eta = product > 0 ? etaPlus : product < 0 ? etaMinus : 1;
            stepSize[i] = Math.min(Math.max(stepSize[i] * eta, stepSizeMin), stepSizeMax);
            if (eta == etaMinus) {
                g = 0;
            }
            values[i] = CpuCapability.mulAdd(-Math.signum(g), stepSize[i], values[i]);
            prev[i] = g;
        }
    }
}
