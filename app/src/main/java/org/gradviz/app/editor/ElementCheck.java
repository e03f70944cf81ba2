package org.gradviz.app.editor;

/**
 * One element of a leaf's gradient: autograd's value against the finite difference.
 *
 * <p>It passes as in {@code torch.autograd.gradcheck}: |autograd − numeric| ≤ atol + rtol · |numeric|. At a kink
 * (see {@link FiniteDifference#isKink()}) there is no derivative to compare with; any value between the one-sided
 * slopes is a valid subgradient (torch chooses one: relu'(0) = 0), so the element passes when autograd's value
 * lies between them, give or take the tolerance, and its difference is its distance from that range.
 * {@code torch.autograd.gradcheck} itself would fail there.
 *
 * @param index the element's place in the leaf, row-major
 * @param numeric the central difference
 * @param absDiff |autograd − numeric|, or at a kink the distance from the one-sided slopes' range
 * @param relDiff absDiff over the larger of |autograd| and |numeric| (0 when both are 0)
 */
public record ElementCheck(int index, double autograd, double numeric, double absDiff, double relDiff, boolean kink,
        boolean passed) {

    public static ElementCheck compare(int index, double autograd, FiniteDifference fd) {
        double numeric = fd.central();
        if (fd.isKink()) {
            double low = Math.min(fd.leftSlope(), fd.rightSlope());
            double high = Math.max(fd.leftSlope(), fd.rightSlope());
            double outside = autograd < low ? low - autograd : autograd > high ? autograd - high : 0;
            double tolerance = GradCheck.ATOL + GradCheck.RTOL * Math.max(Math.abs(low), Math.abs(high));
            return new ElementCheck(index, autograd, numeric, outside, relative(outside, autograd, numeric), true,
                    outside <= tolerance);
        }
        double diff = Math.abs(autograd - numeric);
        return new ElementCheck(index, autograd, numeric, diff, relative(diff, autograd, numeric), false,
                diff <= GradCheck.ATOL + GradCheck.RTOL * Math.abs(numeric));
    }

    private static double relative(double diff, double autograd, double numeric) {
        double scale = Math.max(Math.abs(autograd), Math.abs(numeric));
        return diff == 0 ? 0 : diff / scale;
    }
}
