package org.gradviz.app.animation.lens;

import java.util.Arrays;
import org.gradviz.app.animation.SavedValue;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent.NodeStarted;

/** What a lens reads of one node's run: the gradient that arrived and the saved values, by PyTorch's names. */
final class LensContext {
    private final NodeStarted started;

    LensContext(NodeStarted started) {
        this.started = started;
    }

    String nodeName() {
        return started.name();
    }

    /** The leaf's variable name of an AccumulateGrad, else null. */
    String variable() {
        return started.variable();
    }

    /** The summed gradient of the node's output, null when none arrived. */
    TensorValue grad() {
        return started.gradsIn().isEmpty() ? null : started.gradsIn().get(0);
    }

    /** A saved tensor; {@link MissingSavedValue} when the node did not save it or a backward freed it. */
    TensorValue tensor(String name) {
        SavedValue value = started.saved().get(name);
        if (value instanceof SavedValue.SavedTensorValue saved && saved.value() != null) {
            return saved.value();
        }
        if (value instanceof SavedValue.Freed) {
            throw new MissingSavedValue(name + " was freed by an earlier backward (retain_graph=True keeps it)");
        }
        throw new MissingSavedValue(started.name() + " saved no tensor " + name);
    }

    /** A saved number ({@code alpha}, {@code exponent}, {@code reduction}). */
    double number(String name) {
        Double n = optionalNumber(name);
        if (n == null) {
            throw new MissingSavedValue(started.name() + " saved no number " + name);
        }
        return n;
    }

    /** A saved number, or null where it is None ({@code clamp}'s absent bound). */
    Double optionalNumber(String name) {
        return started.saved().get(name) instanceof SavedValue.Attribute a ? a.number() : null;
    }

    /** A saved flag such as {@code keepdim}. */
    boolean flag(String name) {
        return "True".equals(text(name));
    }

    /** Saved sizes or dims, {@code (5, 3)} or {@code (1,)}, as numbers. */
    int[] sizes(String name) {
        String text = text(name).replace("(", "").replace(")", "").trim();
        return text.isEmpty() ? new int[0] : Arrays.stream(text.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    private String text(String name) {
        if (started.saved().get(name) instanceof SavedValue.Attribute a) {
            return a.text();
        }
        throw new MissingSavedValue(started.name() + " saved no attribute " + name);
    }
}
