package org.gradviz.engine.kernels;

/**
 * PyTorch 1.13's CPU {@code pow} of float32 and float64 tensors, as this machine runs it (AVX2, one thread), over
 * values held in {@code double[]}.
 *
 * <p>{@code x ** e} for a Python number {@code e} ({@code pow_tensor_scalar_kernel}): 0.5, -0.5 and -1 go to
 * sqrt, rsqrt ({@code 1 / sqrt}) and reciprocal; 2, 3 and -2 are products ({@code x*x}, {@code x*x*x},
 * {@code 1 / (x*x)}), every step rounded to the dtype; any other exponent runs {@code cpu_kernel_vec}: SLEEF's
 * {@code powf8_u10}/{@code powd4_u10} over whole blocks of two vectors (16 floats, 8 doubles), then glibc's
 * {@code std::pow} in double ({@link GlibcPow}) for the elements left over. {@code x ** y} for two tensors takes
 * the same split, with SLEEF's pow on each pair in the blocks. With {@code ATEN_CPU_CAPABILITY=default} a block's lane
 * is glibc's {@code powf} (float32) or {@code pow} ({@link LaneMath#pow}).
 */
public final class TorchPowKernels {
    private static final int FLOAT_BLOCK = 2 * SleefFloat.LANES;
    private static final int DOUBLE_BLOCK = 2 * SleefDouble.LANES;

    private TorchPowKernels() {
    }

    /** {@code x ** exponent}, element by element, for a float32 ({@code float32}) or float64 tensor's values. */
    public static double[] pow(double[] x, double exponent, boolean float32) {
        double[] r = new double[x.length];
        int vectorized = x.length - x.length % (float32 ? FLOAT_BLOCK : DOUBLE_BLOCK);
        for (int i = 0; i < r.length; i++) {
            boolean inBlock = i < vectorized;
            r[i] = float32 ? powFloat((float) x[i], exponent, inBlock) : powDouble(x[i], exponent, inBlock);
        }
        return r;
    }

    /**
     * {@code base ** exponent} for two tensors already broadcast to one length, which the iterator walks in inner
     * loops of {@code run} elements: SLEEF's pow in each loop's whole blocks, else {@code std::pow}. A broadcast
     * such as {@code x.unsqueeze(-1) ** torch.tensor([1, 2, 3, 4])} has loops of 4, shorter than a block, so every
     * element takes {@code std::pow}.
     */
    public static double[] pow(double[] base, double[] exponent, boolean float32, int run) {
        double[] r = new double[base.length];
        int vectorized = run - run % (float32 ? FLOAT_BLOCK : DOUBLE_BLOCK);
        for (int i = 0; i < r.length; i++) {
            if (i % run < vectorized) {
                r[i] = float32 ? LaneMath.pow((float) base[i], (float) exponent[i])
                        : LaneMath.pow(base[i], exponent[i]);
            } else {
                r[i] = float32 ? (float) GlibcPow.pow((float) base[i], (float) exponent[i])
                        : GlibcPow.pow(base[i], exponent[i]);
            }
        }
        return r;
    }

    private static float powFloat(float x, double e, boolean inBlock) {
        if (e == 0.5) {
            return (float) Math.sqrt(x);
        } else if (e == -0.5) {
            return 1f / (float) Math.sqrt(x);
        } else if (e == -1) {
            return 1f / x;
        } else if (e == 2) {
            return x * x;
        } else if (e == 3) {
            return x * x * x;
        } else if (e == -2) {
            // NOTE: the scalar loop divides in double (1.0 / float), the vector loop in float
            return inBlock ? 1f / (x * x) : (float) (1.0 / (x * x));
        }
        // NOTE: a vector lane takes the exponent as a float, the scalar loop as a double (std::pow(float, double))
        return inBlock ? LaneMath.pow(x, (float) e) : (float) GlibcPow.pow(x, e);
    }

    private static double powDouble(double x, double e, boolean inBlock) {
        if (e == 0.5) {
            return Math.sqrt(x);
        } else if (e == -0.5) {
            return 1 / Math.sqrt(x);
        } else if (e == -1) {
            return 1 / x;
        } else if (e == 2) {
            return x * x;
        } else if (e == 3) {
            return x * x * x;
        } else if (e == -2) {
            return 1 / (x * x);
        }
        return inBlock ? LaneMath.pow(x, e) : GlibcPow.pow(x, e);
    }
}
