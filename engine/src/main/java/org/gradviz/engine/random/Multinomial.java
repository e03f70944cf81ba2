package org.gradviz.engine.random;

import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.multinomial(input, num_samples, replacement)} as PyTorch 1.13's CPU {@code multinomial_out}: without
 * replacement (also for one sample: torch 1.13 takes this way only without replacement), the exponential trick (q ~ Exp(1) drawn in order for every element, then the
 * largest p / q of each row, computed in the input's dtype); with replacement, for each row the cumulative
 * distribution summed and normalised in the input's dtype, and for each sample a double uniform placed in it by
 * binary search. The result holds int64 class indices, (num_samples,) or (rows, num_samples).
 */
public final class Multinomial {
    /** The largest run of consecutive integers a float holds: torch keeps categories below it. */
    private static final int MAX_CATEGORIES = 1 << 24;

    private Multinomial() {
    }

    public static Tensor sample(Tensor probs, long numSamples, boolean replacement, TorchGenerator generator) {
        if (!probs.dtype().isFloatingPoint()) {
            throw TorchException.runtime("multinomial only supports floating-point dtypes for input, got: "
                    + probs.dtype().scalarTypeName());
        }
        if (probs.dim() < 1 || probs.dim() > 2) {
            throw TorchException.runtime("prob_dist must be 1 or 2 dim");
        }
        int categories = probs.shape().dim(probs.dim() - 1);
        if (numSamples <= 0) {
            throw TorchException.runtime("cannot sample n_sample <= 0 samples");
        }
        if (!replacement && numSamples > categories) {
            throw TorchException.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        if (categories > MAX_CATEGORIES) {
            throw TorchException.runtime("number of categories cannot exceed 2^24");
        }
        int rows = probs.dim() == 1 ? 1 : probs.shape().dim(0);
        int n = (int) numSamples;
        Shape shape = probs.dim() == 1 ? Shape.of(n) : Shape.of(rows, n);
        double[] p = probs.data();
        double[] out = rows * n == 0 ? new double[0]
                : !replacement ? byExponentials(p, rows, categories, n, probs.dtype(), generator)
                : withReplacement(p, rows, categories, n, probs.dtype(), generator);
        return Tensor.fromData(shape, DType.INT64, out);
    }

    /** The indices of the n largest p / q in each row, q ~ Exp(1) drawn for every element in order. */
    private static double[] byExponentials(double[] p, int rows, int categories, int n, DType dtype,
            TorchGenerator generator) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        boolean nan = false;
        for (double v : p) {
            nan |= Double.isNaN(v);
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        if (nan || !(max < Double.POSITIVE_INFINITY) || !(min >= 0)) {
            throw TorchException.runtime("probability tensor contains either `inf`, `nan` or element < 0");
        }
        for (int r = 0; r < rows; r++) {
            boolean zero = true;
            for (int c = 0; c < categories && zero; c++) {
                zero = p[r * categories + c] == 0;
            }
            if (zero) {
                throw TorchException.runtime("invalid multinomial distribution (sum of probabilities <= 0)");
            }
        }
        double[] q = generator.exponential(p.length, 1, dtype);
        for (int i = 0; i < q.length; i++) {
            q[i] = dtype.round(p[i] / q[i]);
        }
        double[] out = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            int row = r;
            // NOTE: largest first; an equal value (only 0, from p = 0) keeps the lower index first
            Integer[] order = new Integer[categories];
            for (int c = 0; c < categories; c++) {
                order[c] = c;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(q[row * categories + b], q[row * categories + a]));
            for (int k = 0; k < n; k++) {
                out[r * n + k] = order[k];
            }
        }
        return out;
    }

    /** torch's {@code multinomial_with_replacement_apply}: the normalised cumulative sum, searched for each uniform. */
    private static double[] withReplacement(double[] p, int rows, int categories, int n, DType dtype,
            TorchGenerator generator) {
        double[] out = new double[rows * n];
        double[] cumulative = new double[categories];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < categories; c++) {
                double v = p[r * categories + c];
                if (!(v >= 0)) {
                    throw TorchException.runtime("invalid multinomial distribution (encountering probability entry < 0)");
                }
                if (!Double.isFinite(v)) {
                    throw TorchException.runtime(
                            "invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                }
                sum = dtype.round(sum + v);
                cumulative[c] = sum;
            }
            if (!(sum > 0)) {
                throw TorchException.runtime("invalid multinomial distribution (sum of probabilities <= 0)");
            }
            for (int c = 0; c < categories; c++) {
                cumulative[c] = dtype.round(cumulative[c] / sum);
            }
            cumulative[categories - 1] = 1;
            for (int k = 0; k < n; k++) {
                double u = generator.uniformDouble();
                int left = 0;
                int right = categories;
                while (right - left > 0) {
                    int mid = left + (right - left) / 2;
                    if (cumulative[mid] < u) {
                        left = mid + 1;
                    } else {
                        right = mid;
                    }
                }
                out[r * n + k] = left;
            }
        }
        return out;
    }
}
