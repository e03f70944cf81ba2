package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.optim.SGD(params, lr, momentum, dampening, weight_decay, nesterov, maximize)}, PyTorch 1.13's
 * {@code _single_tensor_sgd}:
 * <pre>
 * d_p = grad (negated when maximize); d_p = d_p.add(param, alpha=weight_decay)
 * buf = clone(d_p) the first time, else buf.mul_(momentum).add_(d_p, alpha=1 - dampening)
 * d_p = d_p.add(buf, alpha=momentum) with nesterov, else buf
 * param.add_(d_p, alpha=-lr)
 * </pre>
 */
public final class SGD extends Optimizer {
    private double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final boolean maximize;

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0);
    }

    public SGD(List<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false, false);
    }

    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay,
            boolean nesterov, boolean maximize) {
        super(params, lr);
        if (lr < 0) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (momentum < 0) {
            throw TorchException.value("Invalid momentum value: " + momentum);
        }
        if (weightDecay < 0) {
            throw TorchException.value("Invalid weight_decay value: " + weightDecay);
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw TorchException.value("Nesterov momentum requires a momentum and zero dampening");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.maximize = maximize;
    }

    /** Sets the momentum the next step uses, as assigning {@code param_groups[i]["momentum"]} does (CyclicLR). */
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /**
     * The momentum buffer of {@code p}, null while it has none: torch's state holds {@code momentum_buffer} for every
     * parameter stepped, None without momentum.
     */
    private Tensor momentumBuffer(Tensor p) {
        Map<String, Object> s = stateOf(p);
        if (!s.containsKey("momentum_buffer")) {
            s.put("momentum_buffer", null);
        }
        return (Tensor) s.get("momentum_buffer");
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        float decay = (float) weightDecay;
        float mom = (float) momentum;
        float keep = (float) (1 - dampening);
        float negLr = (float) -lr();
        Tensor buffer = momentumBuffer(p);
        boolean first = buffer == null;
        if (first && momentum != 0) {
            buffer = zerosLike(p);
            stateOf(p).put("momentum_buffer", buffer);
        }
        float[] buf = buffer == null ? null : buffer.floats();
        for (int i = 0; i < values.length; i++) {
            float d = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                d = CpuCapability.mulAdd(values[i], decay, d);
            }
            if (momentum != 0) {
                buf[i] = first ? d : CpuCapability.mulAdd(d, keep, buf[i] * mom);
                d = nesterov ? CpuCapability.mulAdd(buf[i], mom, d) : buf[i];
            }
            values[i] = CpuCapability.mulAdd(d, negLr, values[i]);
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        double keep = 1 - dampening;
        double negLr = -lr();
        Tensor buffer = momentumBuffer(p);
        boolean first = buffer == null;
        if (first && momentum != 0) {
            buffer = zerosLike(p);
            stateOf(p).put("momentum_buffer", buffer);
        }
        double[] buf = buffer == null ? null : buffer.data();
        for (int i = 0; i < values.length; i++) {
            double d = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                d = CpuCapability.mulAdd(values[i], weightDecay, d);
            }
            if (momentum != 0) {
                buf[i] = first ? d : CpuCapability.mulAdd(d, keep, buf[i] * momentum);
                d = nesterov ? CpuCapability.mulAdd(buf[i], momentum, d) : buf[i];
            }
            values[i] = CpuCapability.mulAdd(d, negLr, values[i]);
        }
    }
}
