package org.gradviz.app.script.runtime;

import org.gradviz.engine.Tensor;
import org.gradviz.engine.Warnings;

/**
 * torch's {@code _get_softmax_dim}: {@code F.softmax(x)} (and {@code nn.Softmax()}, {@code log_softmax}) given no dim
 * warns that the implicit choice is deprecated, at the line that called it, and takes dim 0 for a tensor of 0, 1 or
 * 3 dimensions, else dim 1.
 */
final class ImplicitSoftmaxDim {
    private ImplicitSoftmaxDim() {
    }

    /** The dim {@code function} (softmax, log_softmax) takes for {@code input}, after torch's warning. */
    static int of(String function, Tensor input) {
        Warnings.warn("Implicit dimension choice for " + function + " has been deprecated. "
                + "Change the call to include dim=X as an argument.");
        int rank = input.dim();
        return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
    }
}
