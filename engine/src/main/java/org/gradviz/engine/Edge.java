package org.gradviz.engine;

/**
 * Where a gradient goes: input number {@code inputNr} of node {@code function}, like PyTorch's
 * {@code (fn, input_nr)} pairs in {@code next_functions}. {@code function} is null where that input
 * needs no gradient.
 */
public record Edge(Node function, int inputNr) {
    public static final Edge NONE = new Edge(null, 0);

    public boolean isValid() {
        return function != null;
    }
}
