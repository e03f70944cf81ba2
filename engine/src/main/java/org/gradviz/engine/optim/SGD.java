package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
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
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final boolean maximize;
    private final Map<Tensor, double[]> momentumBuffers = new IdentityHashMap<>();

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

    @Override
    protected void update() {
        for (Tensor p : params()) {
            Tensor grad = p.gradOrNull();
            if (grad == null) {
                continue;
            }
            DType dt = p.dtype();
            double[] dp = startingGradient(p, grad, maximize, weightDecay);
            if (momentum != 0) {
                double[] buf = momentumBuffers.get(p);
                if (buf == null) {
                    buf = dp.clone();
                    momentumBuffers.put(p, buf);
                } else {
                    UpdateKernels.scale(buf, momentum, dt);
                    UpdateKernels.addScaled(buf, dp, 1 - dampening, dt);
                }
                dp = nesterov ? UpdateKernels.addedScaled(dp, buf, momentum, dt) : buf;
            }
            double[] updated = p.data().clone();
            UpdateKernels.addScaled(updated, dp, -lr(), dt);
            p.assignInPlace(Tensor.fromData(p.shape(), dt, updated));
        }
    }
}
