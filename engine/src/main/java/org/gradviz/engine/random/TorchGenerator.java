package org.gradviz.engine.random;

import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.gradviz.engine.TorchException;

/**
 * PyTorch 1.13's CPU random generator ({@code CPUGeneratorImpl}): an mt19937 stream
 * plus a cached second Box–Muller sample, giving the same {@code torch.randn} and
 * {@code torch.rand} values as torch on a CPU with AVX2.
 *
 * <p>All methods are synchronized, as PyTorch guards its generator with a mutex.
 */
public final class TorchGenerator {
    /** PyTorch's {@code default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final TorchGenerator DEFAULT = new TorchGenerator(DEFAULT_SEED);

    private final Mt19937 engine;
    private long seed;
    private Double nextDoubleNormal;

    /** A new generator seeded with {@code seed}, like {@code torch.Generator().manual_seed(seed)}. */
    public TorchGenerator(long seed) {
        this.engine = new Mt19937(seed);
        this.seed = seed;
    }

    /** The process-wide generator, like torch's default CPU generator. */
    public static TorchGenerator defaultGenerator() {
        return DEFAULT;
    }

    /** {@code torch.manual_seed(seed)}: restarts the stream and forgets any cached normal. */
    public synchronized void manualSeed(long seed) {
        this.seed = seed;
        engine.seed(seed);
        nextDoubleNormal = null;
    }

    /** {@code torch.initial_seed()}: the last seed set. */
    public synchronized long initialSeed() {
        return seed;
    }

    /** 32 random bits as an unsigned value, like {@code CPUGeneratorImpl::random()}. */
    public synchronized long random() {
        return Integer.toUnsignedLong(engine.nextInt());
    }

    /** 64 random bits, the first 32-bit draw in the high half ({@code random64()}). */
    public synchronized long random64() {
        long high = Integer.toUnsignedLong(engine.nextInt());
        long low = Integer.toUnsignedLong(engine.nextInt());
        return (high << 32) | low;
    }

    /**
     * {@code torch.randn(n, dtype=dtype)}: n standard normals; float32 results are
     * exactly widened to double.
     */
    public synchronized double[] randn(int n, DType dtype) {
        return normal(n, 0, 1, dtype);
    }

    /**
     * {@code t.normal_(mean, std)} on n elements: torch's {@code normal_kernel} turns each standard normal v into
     * fma(v, std, mean) ({@link CpuCapability#mulAdd}: v·std + mean rounded twice with the default capability), in
     * float32 lanes for the batched float32 fill ({@code normal_fill_16_AVX2}), else in double and then rounded to the
     * dtype (checked against torch 1.13: a separate multiply and add differs on about one value in six).
     */
    public synchronized double[] normal(int n, double mean, double std, DType dtype) {
        checkArguments(n, dtype, "normal_kernel_cpu");
        if (!(std >= 0.0)) {
            throw TorchException.runtime("normal expects std >= 0.0, but found std " + org.gradviz.engine.Torch.cppText(std));
        }
        if (n >= NormalFill.BLOCK && dtype == DType.FLOAT32) {
            float[] values = NormalFill.fillFloat(this, n);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = CpuCapability.mulAdd(values[i], (float) std, (float) mean);
            }
            return out;
        }
        double[] values = n >= NormalFill.BLOCK ? NormalFill.fillDouble(this, n) : new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = CpuCapability.mulAdd(n >= NormalFill.BLOCK ? values[i] : NormalDistribution.sample(this), std,
                    mean);
        }
        return dtype.roundAll(values);
    }

    /**
     * {@code torch.randperm(n)}: 0..n-1 shuffled as torch's CPU kernel does for small n, swapping element i with
     * element i + random() % (n - i) for i from 0 to n - 2.
     */
    public synchronized long[] randperm(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (random() % (n - i));
            long saved = r[i];
            r[i] = r[z + i];
            r[z + i] = saved;
        }
        return r;
    }

    /** {@code t.bernoulli_(p)} on n elements in order: 1 where a double uniform in [0, 1) is below p, else 0. */
    public synchronized double[] bernoulli(int n, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw TorchException.runtime("bernoulli_ expects p to be in [0, 1], but got p=" + org.gradviz.engine.Torch.cppText(p));
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = uniformDouble() < p ? 1 : 0;
        }
        return values;
    }

    /**
     * {@code torch.randint(low, high, (n,))}: {@code uniform_int_from_to_distribution}, i.e. 32 random bits (64 when
     * the range is 2³² or more) modulo high - low, plus low, drawn in order.
     */
    public synchronized double[] randint(int n, long low, long high) {
        if (low >= high) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + low + " >= to="
                    + high);
        }
        long range = high - low;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            long bits = Long.compareUnsigned(range, 1L << 32) >= 0 ? random64() : random();
            values[i] = Long.remainderUnsigned(bits, range) + low;
        }
        return values;
    }

    /**
     * {@code t.exponential_(lambd)} on n elements in order, as torch 1.13's CPU kernel without MKL: -1/λ · log(1 - u) in
     * double (glibc's log) for each double uniform u, then rounded to the dtype; λ = 0 gives inf.
     */
    public synchronized double[] exponential(int n, double lambda, DType dtype) {
        if (!(lambda >= 0.0)) {
            throw TorchException.runtime("exponential_ expects lambda >= 0.0, but found lambda="
                    + org.gradviz.engine.Torch.cppText(lambda));
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = -1.0 / lambda * org.gradviz.engine.kernels.GlibcLog.log(1.0 - uniformDouble());
        }
        return dtype.roundAll(values);
    }

    /** {@code torch.rand(n, dtype=dtype)}: n uniforms in [0, 1). */
    public synchronized double[] rand(int n, DType dtype) {
        checkArguments(n, dtype, "check_uniform_bounds");
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = dtype == DType.FLOAT32 ? uniformFloat() : uniformDouble();
        }
        return values;
    }

    /**
     * {@code t.uniform_(from, to)} on n elements in order: PyTorch's {@code uniform_real(bits, from, to)} is
     * {@code x * (to - from) + from} in the dtype with x in [0, 1) as {@link #rand}; the AVX2 build contracts it to
     * one fused multiply-add (measured against torch 1.13), the default build does not ({@link CpuCapability#mulAdd}).
     */
    public synchronized double[] uniform(int n, double from, double to, DType dtype) {
        checkArguments(n, dtype, "check_uniform_bounds");
        double[] values = new double[n];
        if (dtype == DType.FLOAT32) {
            float lo = (float) from;
            float span = (float) to - lo;
            for (int i = 0; i < n; i++) {
                values[i] = CpuCapability.mulAdd(uniformFloat(), span, lo);
            }
        } else {
            double span = to - from;
            for (int i = 0; i < n; i++) {
                values[i] = CpuCapability.mulAdd(uniformDouble(), span, from);
            }
        }
        return values;
    }

    /** uniform_real_distribution&lt;float&gt;(0, 1): one 32-bit draw. */
    float uniformFloat() {
        return UniformTransform.toFloat(engine.nextInt());
    }

    /** uniform_real_distribution&lt;double&gt;(0, 1): one 64-bit draw. */
    double uniformDouble() {
        return UniformTransform.toDouble(random64());
    }

    /** The cached second Box–Muller sample, or null; taking it clears the cache. */
    Double takeNextDoubleNormal() {
        Double cached = nextDoubleNormal;
        nextDoubleNormal = null;
        return cached;
    }

    void setNextDoubleNormal(double value) {
        nextDoubleNormal = value;
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Rejects what torch rejects, in torch's words; kernel names the CPU kernel torch blames. */
    private static void checkArguments(int n, DType dtype, String kernel) {
        if (n < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension " + n + ": [" + n + "]");
        }
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            String scalarType = dtype.scalarTypeName();
            throw TorchException.runtime("\"" + kernel + "\" not implemented for '" + scalarType + "'");
        }
    }
}
