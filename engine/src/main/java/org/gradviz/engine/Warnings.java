package org.gradviz.engine;

import java.util.function.Consumer;

/**
 * Where PyTorch's warnings go ({@code UserWarning} texts, e.g. reading {@code .grad} of a non-leaf).
 * The default handler drops them; the code runner installs one that prints them as Python does. The handler is per
 * thread, like {@link GradMode}: programs running at once on their own threads each hear only their own warnings.
 */
public final class Warnings {
    /** PyTorch's text for reading {@code .grad} of a tensor that is not a leaf. */
    public static final String NON_LEAF_GRAD = "The .grad attribute of a Tensor that is not a leaf Tensor is being "
            + "accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad "
            + "field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the "
            + "non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
            + "github.com/pytorch/pytorch/pull/30531 for more informations.";

    /** PyTorch's text for {@code backward(create_graph=True)}. */
    public static final String CREATE_GRAPH_BACKWARD = "Using backward() with create_graph=True will create a reference "
            + "cycle between the parameter and its gradient which can cause a memory leak. We recommend using "
            + "autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to "
            + "reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak.";

    private static final ThreadLocal<Consumer<String>> HANDLER = ThreadLocal.withInitial(() -> message -> { });

    private Warnings() {
    }

    /** Installs this thread's handler for {@code UserWarning} messages; returns the one it replaces. */
    public static Consumer<String> setHandler(Consumer<String> newHandler) {
        Consumer<String> previous = HANDLER.get();
        HANDLER.set(newHandler);
        return previous;
    }

    /** Hands {@code message} to the handler of the calling thread. */
    public static void warn(String message) {
        HANDLER.get().accept(message);
    }
}
