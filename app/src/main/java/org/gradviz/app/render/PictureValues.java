package org.gradviz.app.render;

import java.util.List;
import org.gradviz.engine.Tensor;

/**
 * A tensor's value and gradient as label lines, 4 decimals ({@link ValueText}); {@code grad} is null when it is
 * left out (an output that kept no {@code .grad}), {@code ["None"]} when unset.
 */
public record PictureValues(List<String> data, List<String> grad) {
    public PictureValues {
        data = List.copyOf(data);
        grad = grad == null ? null : List.copyOf(grad);
    }

    /**
     * The lines of a value given as its shape and elements (a value recorded at some moment, not a live tensor);
     * {@code ["None"]} when {@code data} is null.
     */
    public static List<String> lines(int[] shape, double[] data) {
        return data == null ? List.of("None") : ValueText.lines(shape, data);
    }

    /** {@code t}'s lines now; with {@code forOutput} the gradient is left out when none was computed. */
    static PictureValues of(Tensor t, boolean forOutput) {
        Tensor grad = t.gradOrNull();
        return new PictureValues(ValueText.lines(t), !forOutput || grad != null ? ValueText.lines(grad) : null);
    }
}
