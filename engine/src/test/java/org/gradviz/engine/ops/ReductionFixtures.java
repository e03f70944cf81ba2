package org.gradviz.engine.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.testing.MiniJson;

/**
 * The cases of {@code fixtures/reductions/reductions.json}, recorded from real PyTorch 1.13 by
 * {@code make_reductions.py}: inputs are regenerated from seeds by {@link #values}, outputs are IEEE bit
 * patterns.
 */
final class ReductionFixtures {
    private static final String RESOURCE = "/fixtures/reductions/reductions.json";

    private ReductionFixtures() {
    }

    /** The fixture file: torch version, CPU capability, thread count and the list of cases. */
    static Map<String, Object> file() {
        return file(RESOURCE);
    }

    /** Another fixture file of the same form ({@code /fixtures/softmax/softmax_dims.json}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> file(String resource) {
        try (InputStream in = ReductionFixtures.class.getResourceAsStream(resource)) {
            return (Map<String, Object>) MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) file().get("cases");
    }

    /**
     * The script's generator: splitmix64 from {@code seed}, each draw z giving
     * (-1)^(z >>> 63) · (1 + mantissa / 2^p) · 2^(((z >>> 52) & 15) - 8), mantissa the low p bits of z
     * (p = 23 for float32, 52 for float64).
     */
    static double[] values(long seed, int n, DType dtype) {
        int bits = dtype == DType.FLOAT32 ? 23 : 52;
        long state = seed;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            long mantissa = z & ((1L << bits) - 1);
            int exponent = (int) ((z >>> 52) & 15) - 8;
            double v = Math.scalb(1 + mantissa / (double) (1L << bits), exponent);
            out[i] = z < 0 ? -v : v;
        }
        return out;
    }

    static DType dtype(Map<String, Object> c) {
        return DType.fromShortName((String) c.get("dtype"));
    }

    static Shape shape(Map<String, Object> c, String key) {
        @SuppressWarnings("unchecked")
        List<Long> dims = (List<Long>) c.get(key);
        return Shape.of(dims.stream().map(Long::intValue).toList());
    }

    /** A tensor of the case's dtype and the shape under {@code shapeKey}, filled from the seed under {@code seedKey}. */
    static Tensor tensor(Map<String, Object> c, String shapeKey, String seedKey) {
        Shape shape = shape(c, shapeKey);
        return Torch.tensor(shape, dtype(c), values((Long) c.get(seedKey), shape.numel(), dtype(c)));
    }

    /** Bit patterns in hex (8 digits for float32, 16 for float64) as values widened to double. */
    @SuppressWarnings("unchecked")
    static double[] bits(Map<String, Object> c, String key) {
        List<String> hex = (List<String>) c.get(key);
        double[] out = new double[hex.size()];
        for (int i = 0; i < out.length; i++) {
            String h = hex.get(i);
            out[i] = h.length() == 8 ? Float.intBitsToFloat(Integer.parseUnsignedInt(h, 16))
                    : Double.longBitsToDouble(Long.parseUnsignedLong(h, 16));
        }
        return out;
    }

    /** A short label for test names: op, dtype, shape and dim or reduction. */
    static String label(Map<String, Object> c) {
        StringBuilder s = new StringBuilder().append(c.get("op")).append(' ').append(c.get("dtype"));
        if (c.containsKey("shape")) {
            s.append(' ').append(c.get("shape"));
        } else {
            s.append(" values");
        }
        if (c.containsKey("otherShape")) {
            s.append(" + ").append(c.get("otherShape"));
        }
        if (c.get("dim") != null) {
            s.append(" dim=").append(c.get("dim"));
        }
        if (c.get("dims") != null) {
            s.append(" dim=").append(c.get("dims")).append(" keepdim=").append(c.get("keepdim"));
        }
        if (c.containsKey("reduction")) {
            s.append(' ').append(c.get("reduction"));
        }
        return s.toString();
    }
}
