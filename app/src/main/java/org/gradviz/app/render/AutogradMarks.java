package org.gradviz.app.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one moment of a backward pass adds to an {@link AutogradPicture} ({@link AutogradDot#render(AutogradPicture,
 * AutogradMarks)}): values that replace the picture's own (a leaf's {@code .grad} as accumulated so far), how far
 * each engine node got, and what each gradient edge has carried so far.
 *
 * @param values by DOT id of a tensor box: the values to show instead of the picture's
 * @param nodes by DOT id of an engine node's box: whether it ran or runs now; absent when it has not run
 * @param edges the gradient edges that carried something, in the order they first did
 */
public record AutogradMarks(Map<String, PictureValues> values, Map<String, NodeProgress> nodes,
        Map<PictureEdge, Carried> edges) {

    /** No marks: the picture as it is. */
    public static final AutogradMarks NONE = new AutogradMarks(Map.of(), Map.of(), Map.of());

    /** How far an engine node got. */
    public enum NodeProgress {
        /** It ran and sent its gradients on. */
        DONE,
        /** The engine is at it now. */
        RUNNING
    }

    /**
     * What an edge carried: {@code label} is the gradient, compact ({@code [0.2661, 0.1179, 0.0027]});
     * {@code current} when it travelled the edge at this very step.
     */
    public record Carried(String label, boolean current) {
    }

    public AutogradMarks {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    }
}
