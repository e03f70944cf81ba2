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
    /** The {@link #warnOnce} sites that have warned since this thread's handler was installed. */
    private static final ThreadLocal<java.util.Set<String>> WARNED_ONCE =
            ThreadLocal.withInitial(java.util.HashSet::new);

    private Warnings() {
    }

    /** Installs this thread's handler for {@code UserWarning} messages; returns the one it replaces. */
    public static Consumer<String> setHandler(Consumer<String> newHandler) {
        Consumer<String> previous = HANDLER.get();
        HANDLER.set(newHandler);
        WARNED_ONCE.get().clear();
        return previous;
    }

    /**
     * As torch's {@code TORCH_WARN_ONCE}: hands {@code message} to the handler the first time {@code site} warns
     * (since the handler was installed), whatever the message; later warnings of that site are dropped.
     */
    public static void warnOnce(String site, String message) {
        if (WARNED_ONCE.get().add(site)) {
            warn(message);
        }
    }

    /**
     * torch's warning for a deprecated signature of {@code name}, which its argument parser gives once per process for
     * all of them.
     *
     * @param deprecated the signature used, {@code add_(Number alpha, Tensor other)}
     * @param instead the one to use, {@code add_(Tensor other, *, Number alpha)}
     */
    public static void deprecatedSignature(String name, String deprecated, String instead) {
        warnOnce("python_arg_parser deprecated signature", "This overload of " + name + " is deprecated:\n\t"
                + deprecated + "\nConsider using one of the following signatures instead:\n\t" + instead
                + " (Triggered internally at  ./torch/csrc/utils/python_arg_parser.cpp:1420.)");
    }

    /** Hands {@code message} to the handler of the calling thread. */
    public static void warn(String message) {
        HANDLER.get().accept(message);
    }
}
