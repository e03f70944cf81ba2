package org.gradviz.engine.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.ops.Arithmetic;

/**
 * {@code torch.optim.SGD(params, lr, momentum)}: {@code step()} moves each parameter against its
 * gradient, {@code zeroGrad()} clears the gradients (set to None, PyTorch 1.13's default is zeroing;
 * see {@link #zeroGrad()}).
 */
public final class SGD {
    private final List<Tensor> params;
    private final double lr;
    private final double momentum;
    private final Map<Tensor, Tensor> momentumBuffers = new IdentityHashMap<>();

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0);
    }

    public SGD(List<Tensor> params, double lr, double momentum) {
        if (lr < 0) {
            throw TorchException.value("Invalid learning rate: " + lr);
        }
        if (momentum < 0) {
            throw TorchException.value("Invalid momentum value: " + momentum);
        }
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw TorchException.value("can't optimize a non-leaf Tensor");
            }
        }
        this.params = List.copyOf(params);
        this.lr = lr;
        this.momentum = momentum;
    }

    public List<Tensor> params() {
        return params;
    }

    public double lr() {
        return lr;
    }

    /**
     * {@code optimizer.zero_grad()} as in PyTorch 1.13 ({@code set_to_none=False}): every existing
     * gradient is zeroed in place.
     */
    public void zeroGrad() {
        for (Tensor p : params) {
            Tensor g = p.gradOrNull();
            if (g != null) {
                g.zero_();
            }
        }
    }

    /** {@code optimizer.step()}: p ← p - lr·g (with momentum: buf ← momentum·buf + g; p ← p - lr·buf). */
    public void step() {
        try (var g = GradMode.disabled()) {
            for (Tensor p : params) {
                Tensor grad = p.gradOrNull();
                if (grad == null) {
                    continue;
                }
                Tensor direction = grad;
                if (momentum != 0) {
                    Tensor buf = momentumBuffers.get(p);
                    buf = buf == null ? grad.detachedCopy() : Arithmetic.add(buf.mul(momentum), grad);
                    momentumBuffers.put(p, buf);
                    direction = buf;
                }
                p.assignInPlace(Arithmetic.add(p, direction.mul(-lr)));
            }
        }
    }
}
