package org.gradviz.engine.ops;

import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/**
 * The chain rule of an op whose derivative is 1 wherever it is defined: the gradient passes through unchanged, as the
 * node torch names ({@code CloneBackward0}, {@code FracBackward0}, {@code RemainderBackward0} of a tensor by a
 * number, ...), and so through a second derivative too.
 */
final class PassThroughBackward extends Node {
    private final String name;

    PassThroughBackward(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] apply(Tensor[] grads) {
        return new Tensor[] {grads[0]};
    }

    @Override
    protected Tensor[] applyDifferentiable(Tensor[] grads) {
        return apply(grads);
    }
}
