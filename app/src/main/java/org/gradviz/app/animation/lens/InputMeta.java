package org.gradviz.app.animation.lens;

import org.gradviz.app.animation.TensorValue;

/**
 * The shape and dtype of a node's input, which its gradient must have (read off the gradient the engine sent:
 * a node keeps only the values its rule needs, not its inputs' shapes).
 */
record InputMeta(int[] shape, String dtype) {

    InputMeta {
        shape = shape.clone();
    }

    static InputMeta of(TensorValue sent) {
        return new InputMeta(sent.shape(), sent.dtype());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
