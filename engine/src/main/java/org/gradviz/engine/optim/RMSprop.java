package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    private static final class State {
        final double[] squareAvg;
        final double[] gradAvg;
        final double[] momentumBuffer;

        State(int n) {
            squareAvg = new double[n];
            gradAvg = new double[n];
            momentumBuffer = new double[n];
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
    protected void update() {
        for (Tensor p : params()) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            DType dt = p.dtype();
            double[] grad = startingGradient(p, g, maximize, weightDecay);
            State s = states.computeIfAbsent(p, k -> new State(k.numel()));
            UpdateKernels.scale(s.squareAvg, alpha, dt);
            UpdateKernels.addcmul(s.squareAvg, grad, grad, 1 - alpha, dt);
            double[] avg = s.squareAvg.clone();
            if (centered) {
                UpdateKernels.scale(s.gradAvg, alpha, dt);
                UpdateKernels.addScaled(s.gradAvg, grad, 1 - alpha, dt);
                UpdateKernels.addcmul(avg, s.gradAvg, s.gradAvg, -1, dt);
            }
            double epsilon = dt.round(eps);
            for (int i = 0; i < avg.length; i++) {
                avg[i] = dt.round(dt.round(Math.sqrt(avg[i])) + epsilon);
            }
            double[] updated = p.data().clone();
            if (momentum > 0) {
                UpdateKernels.scale(s.momentumBuffer, momentum, dt);
                UpdateKernels.addcdiv(s.momentumBuffer, grad, avg, 1, dt);
                UpdateKernels.addScaled(updated, s.momentumBuffer, -lr(), dt);
            } else {
                UpdateKernels.addcdiv(updated, grad, avg, -lr(), dt);
            }
            p.assignInPlace(Tensor.fromData(p.shape(), dt, updated));
        }
    }
}
