package org.gradviz.app.editor;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How one leaf's gradient fared: every element checked (all of them, or evenly spaced ones for a big leaf).
 *
 * @param leaf the leaf's name
 * @param elements how many elements the leaf has
 * @param checks the elements checked, in index order
 */
public record LeafGradCheck(String leaf, int elements, List<ElementCheck> checks) {

    public LeafGradCheck {
        checks = List.copyOf(checks);
    }

    /** True when every checked element passed. */
    public boolean passed() {
        return checks.stream().allMatch(ElementCheck::passed);
    }

    /** True when only some elements were checked (see {@link GradCheck#MAX_ELEMENTS_PER_LEAF}). */
    public boolean sampled() {
        return checks.size() < elements;
    }

    public double maxAbsDiff() {
        return checks.stream().mapToDouble(ElementCheck::absDiff).reduce(0, LeafGradCheck::maxOrNaN);
    }

    public double maxRelDiff() {
        return checks.stream().mapToDouble(ElementCheck::relDiff).reduce(0, LeafGradCheck::maxOrNaN);
    }

    /** How many checked elements sit at a kink. */
    public long kinks() {
        return checks.stream().filter(ElementCheck::kink).count();
    }

    /** The element that misses by most (failures first, then the largest difference); null when none was checked. */
    public ElementCheck worst() {
        return checks.stream().max(Comparator.comparing((ElementCheck c) -> !c.passed())
                .thenComparingDouble(c -> Double.isNaN(c.absDiff()) ? Double.POSITIVE_INFINITY : c.absDiff()))
                .orElse(null);
    }

    /**
     * What the badge's hover shows, e.g. {@code w: passed, 15 of 15 elements; max |autograd − numeric| 8.1e-11,
     * max relative 1.6e-09 (atol 1e-05, rtol 1e-03)}, then a line with the worst element ({@code worst: element 0,
     * autograd 0.266087, numeric 0.266087}) and one about kinks where there are any.
     */
    public String hoverText() {
        StringBuilder sb = new StringBuilder(leaf).append(passed() ? ": passed, " : ": FAILED, ")
                .append(checks.size()).append(" of ").append(elements).append(" elements")
                .append(sampled() ? " (evenly spaced)" : "")
                .append(String.format(Locale.ROOT, "; max |autograd − numeric| %.1e, max relative %.1e (atol %.0e, rtol %.0e)",
                        maxAbsDiff(), maxRelDiff(), GradCheck.ATOL, GradCheck.RTOL));
        ElementCheck worst = worst();
        if (worst != null) {
            sb.append(String.format(Locale.ROOT, "%nworst: element %d, autograd %.6g, numeric %.6g", worst.index(),
                    worst.autograd(), worst.numeric()));
        }
        if (kinks() > 0) {
            sb.append(String.format(Locale.ROOT, "%n%d element%s at a kink (the slopes either side differ): passed "
                    + "where autograd's value lies between them", kinks(), kinks() == 1 ? "" : "s"));
        }
        return sb.toString();
    }

    private static double maxOrNaN(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }
}
