package org.gradviz.engine;

import java.util.function.Consumer;

/**
 * Where PyTorch's warnings go ({@code UserWarning} texts, e.g. reading {@code .grad} of a non-leaf).
 * The default handler drops them; the code runner installs one that prints them as Python does.
 */
public final class Warnings {
    /** PyTorch's text for reading {@code .grad} of a tensor that is not a leaf. */
    public static final String NON_LEAF_GRAD = "The .grad attribute of a Tensor that is not a leaf Tensor is being "
            + "accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad "
            + "field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the "
            + "non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
            + "github.com/pytorch/pytorch/pull/30531 for more informations.";

    private static volatile Consumer<String> handler = message -> { };

    private Warnings() {
    }

    /** Installs the handler for {@code UserWarning} messages; returns the previous one. */
    public static Consumer<String> setHandler(Consumer<String> newHandler) {
        Consumer<String> previous = handler;
        handler = newHandler;
        return previous;
    }

    public static void warn(String message) {
        handler.accept(message);
    }
}
