package org.gradviz.app.script.runtime;

/**
 * Told what a program does with tensors while it runs, so a caller can rebuild the graph the program built (the
 * editor's "paste a PyTorch cell"). The interpreter calls it only when one is given; a plain run has none and
 * pays one null check per call.
 */
public interface TensorObserver {

    /**
     * A native function, tensor method, operator, tensor attribute or index gave {@code call.result()}. Reported
     * for every native call (also those returning None, such as {@code torch.manual_seed}), and for operators,
     * attributes and indexing when the result is a tensor.
     */
    void called(ObservedCall call);

    /** {@code name = value} in any scope (plain names only; loop variables and parameters are not reported). */
    void assigned(String name, Object value, int line);

    /**
     * {@code object.name = value} on an instance of the program's classes ({@code self.a = nn.Parameter(...)} in a
     * module's {@code __init__}): a name the tensor can go by where no variable names it.
     */
    default void attributeAssigned(String name, Object value) {
    }
}
