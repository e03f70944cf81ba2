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

    /** {@code t}'s lines now; with {@code forOutput} the gradient is left out when none was computed. */
    static PictureValues of(Tensor t, boolean forOutput) {
        Tensor grad = t.gradOrNull();
        return new PictureValues(ValueText.lines(t), !forOutput || grad != null ? ValueText.lines(grad) : null);
    }
}
