package org.gradviz.app.animation;

/**
 * What a backward node saved for its chain rule, copied at the moment it ran: a tensor, a tensor already
 * freed by an earlier backward, or a plain attribute (a number, sizes, a reduction's name, None).
 */
public sealed interface SavedValue {

    record SavedTensorValue(TensorValue value) implements SavedValue {
    }

    /** Freed by a backward without retain_graph: reading it is the "backward a second time" error. */
    record Freed() implements SavedValue {
    }

    /** An attribute as Python prints it ({@code 1}, {@code (5, 3)}, {@code None}), and its number when it is one. */
    record Attribute(String text, Double number) implements SavedValue {
    }
}
