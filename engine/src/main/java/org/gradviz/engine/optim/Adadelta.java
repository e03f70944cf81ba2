package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.optim.Adadelta(params, lr, rho, eps, weight_decay, maximize)}, PyTorch 1.13's
 * {@code _single_tensor_adadelta}:
 * <pre>
 * grad = grad.add(param, alpha=weight_decay)
 * square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
 * std = square_avg.add(eps).sqrt_()
 * delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)
 * acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)
 * param.add_(delta, alpha=-lr)
 * </pre>
 */
public final class Adadelta extends Optimizer {
    private final double rho;
    private final double eps;
    private final double weightDecay;
    private final boolean maximize;

    public Adadelta(List<Tensor> params, double lr, double rho, double eps, double weightDecay, boolean maximize) {
        super(params, lr);
        if (!(lr >= 0)) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (!(rho >= 0 && rho <= 1)) {
            throw TorchException.value("Invalid rho value: " + rho);
        }
        if (!(eps >= 0)) {
            throw TorchException.value("Invalid epsilon value: " + eps);
        }
        if (!(weightDecay >= 0)) {
            throw TorchException.value("Invalid weight_decay value: " + weightDecay);
        }
        this.rho = rho;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maximize = maximize;
    }

    /** The state of {@code p} (step, square_avg, acc_delta), made the first time, its step (a Python int) counted. */
    private Map<String, Object> advance(Tensor p) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0L);
            s.put("square_avg", zerosLike(p));
            s.put("acc_delta", zerosLike(p));
        }
        countIntStep(s);
        return s;
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = advance(p);
        float[] squareAvg = floats(s, "square_avg");
        float[] accDelta = floats(s, "acc_delta");
        float decay = (float) weightDecay;
        float r = (float) rho;
        float rest = (float) (1 - rho);
        float epsilon = (float) eps;
        float negLr = (float) -lr();
        for (int i = 0; i < values.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], decay, g);
            }
            squareAvg[i] = CpuCapability.mulAdd(rest * g, g, squareAvg[i] * r);
            float std = (float) Math.sqrt(squareAvg[i] + epsilon);
            float delta = (float) Math.sqrt(accDelta[i] + epsilon) / std * g;
            accDelta[i] = CpuCapability.mulAdd(rest * delta, delta, accDelta[i] * r);
            values[i] = CpuCapability.mulAdd(delta, negLr, values[i]);
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = advance(p);
        double[] squareAvg = doubles(s, "square_avg");
        double[] accDelta = doubles(s, "acc_delta");
        double rest = 1 - rho;
        double negLr = -lr();
        for (int i = 0; i < values.length; i++) {
            double g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], weightDecay, g);
            }
            squareAvg[i] = CpuCapability.mulAdd(rest * g, g, squareAvg[i] * rho);
            double std = Math.sqrt(squareAvg[i] + eps);
            double delta = Math.sqrt(accDelta[i] + eps) / std * g;
            accDelta[i] = CpuCapability.mulAdd(rest * delta, delta, accDelta[i] * rho);
            values[i] = CpuCapability.mulAdd(delta, negLr, values[i]);
        }
    }
}
