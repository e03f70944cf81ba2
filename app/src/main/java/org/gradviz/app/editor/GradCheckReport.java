package org.gradviz.app.editor;

import java.util.List;

/**
 * The outcome of a {@link GradCheck}: one {@link LeafGradCheck} per leaf that requires grad, in document order.
 *
 * @param output the node whose (summed) value was differentiated
 */
public record GradCheckReport(String output, List<LeafGradCheck> leaves) {

    public GradCheckReport {
        leaves = List.copyOf(leaves);
    }

    /** Whether each leaf passed, by leaf, in document order. */
    public java.util.Map<String, Boolean> passedByLeaf() {
        java.util.Map<String, Boolean> passed = new java.util.LinkedHashMap<>();
        leaves.forEach(l -> passed.put(l.leaf(), l.passed()));
        return passed;
    }

    /** True when every leaf passed (and vacuously when none requires grad). */
    public boolean passed() {
        return leaves.stream().allMatch(LeafGradCheck::passed);
    }
}
