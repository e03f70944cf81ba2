package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;

/**
 * What one input of a node received: the upstream gradient times the local derivative gives the product.
 *
 * @param inputIndex the input's place in {@code next_functions} (0 for the {@code .grad} of an AccumulateGrad)
 * @param input the input's name as PyTorch's derivatives name it ({@code self}, {@code other}, {@code mat2}),
 *     {@code input 1} where the node is unknown, or {@code w.grad} for an AccumulateGrad
 * @param formula how the product is made ({@code grad · other}, {@code grad @ mat2ᵀ, summed to (3)}); empty
 *     where the node is unknown
 * @param local the values the local derivative is made of, in the formula's order (may be empty)
 * @param product what the formula gives from the recorded saved values
 * @param sent what the engine actually sent along the edge (or wrote to {@code .grad})
 */
public record InputTerm(int inputIndex, String input, String formula, LensValue upstream, List<LensValue> local,
        LensValue product, TensorValue sent) {

    public InputTerm {
        local = List.copyOf(local);
    }
}
