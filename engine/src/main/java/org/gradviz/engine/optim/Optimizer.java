package org.gradviz.engine.optim;

import java.util.List;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * What every {@code torch.optim} optimiser shares: one parameter group, {@code zero_grad(set_to_none)} and
 * {@code step()}. Each subclass writes PyTorch 1.13's single-tensor ({@code foreach=False}) update, one kernel per
 * PyTorch op, so float32 parameters take PyTorch's bits.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private double lr;

    protected Optimizer(List<Tensor> params, double lr) {
        if (params.isEmpty()) {
            throw TorchException.value("optimizer got an empty parameter list");
        }
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw TorchException.value("can't optimize a non-leaf Tensor");
            }
        }
        this.params = List.copyOf(params);
        this.lr = lr;
    }

    /** The group's learning rate, {@code param_groups[0]["lr"]}. */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate the next {@link #step()} uses, as assigning {@code param_groups[0]["lr"]} does. */
    public void setLr(double lr) {
        this.lr = lr;
    }

    /** The optimised tensors, in the order given. */
    public List<Tensor> params() {
        return params;
    }

    /** {@code optimizer.zero_grad()} as in PyTorch 1.13 ({@code set_to_none=False}): every existing gradient is zeroed. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** {@code optimizer.zero_grad(set_to_none)}: clears every existing gradient, or zeroes it in place. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            Tensor g = p.gradOrNull();
            if (g == null) {
                continue;
            }
            if (setToNone) {
                p.setGrad(null);
            } else {
                g.zero_();
            }
        }
    }

    /** {@code optimizer.step()}: updates every parameter that has a gradient, without recording. */
    public final void step() {
        try (var g = GradMode.disabled()) {
            update();
        }
    }

    /** One update of every parameter with a gradient; runs with grad mode off. */
    protected abstract void update();

    /**
     * The gradient every optimiser of torch 1.13 starts from: {@code p}'s grad, negated when {@code maximize}, plus
     * {@code weightDecay · p} ({@code grad.add(param, alpha=weight_decay)}, one rounding) when that is not 0.
     */
    protected static double[] startingGradient(Tensor p, Tensor grad, boolean maximize, double weightDecay) {
        double[] g = grad.data().clone();
        if (maximize) {
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
        }
        return weightDecay == 0 ? g : UpdateKernels.addedScaled(g, p.data(), weightDecay, p.dtype());
    }
}
