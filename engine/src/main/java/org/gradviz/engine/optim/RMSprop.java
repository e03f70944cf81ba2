package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
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
    private final Map<Tensor, State> states = new IdentityHashMap<>();

    /**
     * square_avg, grad_avg (centered) and momentum_buffer: {@code float[]} for a float32 parameter, else
     * {@code double[]}.
     */
    private record State(Object squareAvg, Object gradAvg, Object momentumBuffer) {
        static State of(Tensor p) {
            int n = p.numel();
            return p.dtype() == DType.FLOAT32 ? new State(new float[n], new float[n], new float[n])
                    : new State(new double[n], new double[n], new double[n]);
        }
    }

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

    @Override
    protected void updateFloats(Tensor p, float[] values, float[] grad) {
        State s = states.computeIfAbsent(p, State::of);
        float[] squareAvg = (float[]) s.squareAvg();
        float[] gradAvg = (float[]) s.gradAvg();
        float[] buf = (float[]) s.momentumBuffer();
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
        State s = states.computeIfAbsent(p, State::of);
        double[] squareAvg = (double[]) s.squareAvg();
        double[] gradAvg = (double[]) s.gradAvg();
        double[] buf = (double[]) s.momentumBuffer();
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
