package org.gradviz.engine.optim;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.optim.RMSprop(params, lr, alpha, eps, weight_decay, momentum, centered, maximize)}, PyTorch 1.13's
 * {@code _single_tensor_rmsprop}:
 * <pre>
 * grad = grad.add(param, alpha=weight_decay)
 * square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
 * centered: grad_avg.mul_(alpha).add_(grad, alpha=1 - alpha); avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
 * else avg = square_avg.sqrt();  avg.add_(eps)
 * momentum: buf.mul_(momentum).addcdiv_(grad, avg); param.add_(buf, alpha=-lr)
 * else param.addcdiv_(grad, avg, value=-lr)
 * </pre>
 */
public final class RMSprop extends Optimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final double momentum;
    private final boolean centered;
    private final boolean maximize;

    public RMSprop(List<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum,
            boolean centered, boolean maximize) {
        super(params, lr);
        if (!(lr >= 0)) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (!(eps >= 0)) {
            throw TorchException.value("Invalid epsilon value: " + eps);
        }
        if (!(momentum >= 0)) {
            throw TorchException.value("Invalid momentum value: " + momentum);
        }
        if (!(weightDecay >= 0)) {
            throw TorchException.value("Invalid weight_decay value: " + weightDecay);
        }
        if (!(alpha >= 0)) {
            throw TorchException.value("Invalid alpha value: " + alpha);
        }
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        this.maximize = maximize;
    }

    /**
     * The state of {@code p} as torch's step makes it the first time (step, square_avg, then momentum_buffer with
     * momentum, grad_avg when centered), its step (a Python int) counted.
     */
    private Map<String, Object> advance(Tensor p) {
        Map<String, Object> s = stateOf(p);
        if (s.isEmpty()) {
            s.put("step", 0L);
            s.put("square_avg", zerosLike(p));
            if (momentum > 0) {
                s.put("momentum_buffer", zerosLike(p));
            }
            if (centered) {
                s.put("grad_avg", zerosLike(p));
            }
        }
        countIntStep(s);
        return s;
    }

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        Map<String, Object> s = advance(p);
        float[] squareAvg = floats(s, "square_avg");
        float[] gradAvg = centered ? floats(s, "grad_avg") : null;
        float[] buf = momentum > 0 ? floats(s, "momentum_buffer") : null;
        float decay = (float) weightDecay;
        float a = (float) alpha;
        float rest = (float) (1 - alpha);
        float epsilon = (float) eps;
        float mom = (float) momentum;
        float negLr = (float) -lr();
        for (int i = 0; i < values.length; i++) {
            float g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], decay, g);
            }
            squareAvg[i] = CpuCapability.mulAdd(rest * g, g, squareAvg[i] * a);
            float avg = squareAvg[i];
            if (centered) {
                gradAvg[i] = CpuCapability.mulAdd(g, rest, gradAvg[i] * a);
                avg = CpuCapability.mulAdd(-gradAvg[i], gradAvg[i], avg);
            }
            avg = (float) Math.sqrt(avg) + epsilon;
            if (momentum > 0) {
                buf[i] = buf[i] * mom + g / avg;
                values[i] = CpuCapability.mulAdd(buf[i], negLr, values[i]);
            } else {
                values[i] += negLr * g / avg;
            }
        }
    }

    @Override
    protected void updateDoubles(Tensor p, double[] values, double[] grad) {
        Map<String, Object> s = advance(p);
        double[] squareAvg = doubles(s, "square_avg");
        double[] gradAvg = centered ? doubles(s, "grad_avg") : null;
        double[] buf = momentum > 0 ? doubles(s, "momentum_buffer") : null;
        double rest = 1 - alpha;
        double negLr = -lr();
        for (int i = 0; i < values.length; i++) {
            double g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) {
                g = CpuCapability.mulAdd(values[i], weightDecay, g);
            }
            squareAvg[i] = CpuCapability.mulAdd(rest * g, g, squareAvg[i] * alpha);
            double avg = squareAvg[i];
            if (centered) {
                gradAvg[i] = CpuCapability.mulAdd(g, rest, gradAvg[i] * alpha);
                avg = CpuCapability.mulAdd(-gradAvg[i], gradAvg[i], avg);
            }
            avg = Math.sqrt(avg) + eps;
            if (momentum > 0) {
                buf[i] = buf[i] * momentum + g / avg;
                values[i] = CpuCapability.mulAdd(buf[i], negLr, values[i]);
            } else {
                values[i] += negLr * g / avg;
            }
        }
    }
}
