package org.gradviz.app.bridge;

import java.util.List;
import java.util.Map;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpNode;
import org.gradviz.engine.Tensor;

/** Where a tensor of the cell came from, as far as a graph document can say it. */
sealed interface TracedTensor {

    /** The tensor itself. */
    Tensor tensor();

    /** The line of the statement that made it. */
    int line();

    /** What made it, in the cell's words ({@code torch.randn}, {@code +}), for names and messages. */
    String function();

    /**
     * A factory call: {@code torch.randn(5, 3, requires_grad=True)}.
     *
     * @param drawn the values it drew (randn, rand), kept for when the document cannot redraw them; else null
     * @param version the tensor's version counter when the factory made it, to tell in-place changes since
     */
    record Leaf(Tensor tensor, int line, String function, Initializer init, List<Double> drawn, int version)
            implements TracedTensor {

        /** A leaf made just now, at its tensor's present version. */
        Leaf(Tensor tensor, int line, String function, Initializer init, List<Double> drawn) {
            this(tensor, line, function, init, drawn, tensor.version());
        }

        /**
         * Whether the cell changed it in place after making it, as a bag of words filled by {@code vec[i] += 1}
         * before it is used: an input (no grad) so changed holds the numbers it ended with, not its factory's.
         * A parameter's in-place changes (optimizer steps) stay out: the document is the network before training.
         */
        boolean changedInput() {
            return !tensor.requiresGrad() && tensor.version() != version && !(init instanceof Initializer.Randn);
        }
    }

    /**
     * An op: its node without a name, and its input tensors by port, in port order.
     */
    record Op(Tensor tensor, int line, String function, OpNode node, Map<String, Tensor> inputs)
            implements TracedTensor {
    }

    /**
     * Made by something a graph document has no node for; {@code why} says what and how to write it instead.
     *
     * @param inputs the tensors the call was given (in lists too), in order
     */
    record Unsupported(Tensor tensor, int line, String function, String why, List<Tensor> inputs)
            implements TracedTensor {
    }
}
