package org.gradviz.app.editor;

/**
 * The output's sum at one element of a leaf moved by {@code -step}, {@code 0} and {@code +step}, and the
 * slopes they give: central (what gradcheck compares), and the one-sided slopes that tell a kink.
 */
public record FiniteDifference(double minus, double center, double plus, double step) {

    /** (f(x + h) − f(x − h)) / 2h. */
    public double central() {
        return (plus - minus) / (2 * step);
    }

    /** (f(x + h) − f(x)) / h. */
    public double rightSlope() {
        return (plus - center) / step;
    }

    /** (f(x) − f(x − h)) / h. */
    public double leftSlope() {
        return (center - minus) / step;
    }

    /**
     * True where the two one-sided slopes disagree beyond the tolerance: the function has a kink here (relu at
     * 0, clamp at a bound) and no derivative, only the slopes on either side.
     */
    public boolean isKink() {
        double left = leftSlope();
        double right = rightSlope();
        return !(Math.abs(right - left) <= GradCheck.ATOL + GradCheck.RTOL * Math.max(Math.abs(left), Math.abs(right)));
    }
}
