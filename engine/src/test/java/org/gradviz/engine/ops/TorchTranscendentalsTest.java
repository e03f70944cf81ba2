package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.gradviz.engine.CapabilityFixture;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * sin, cos, exp, log, tanh, sigmoid and element-wise BCE with logits, forward and backward, give PyTorch 1.13's bits on 100,000 inputs
 * per function and dtype, cut into tensors of lengths 1, 7, 8, 9, 15, 16, 17, 33 and 1000 (so both the
 * vectorised chunks and the scalar tails are covered), with wide ranges: large |x| for sin and cos, exp
 * overflow and underflow, log of subnormals, zeros, negatives, infinities and NaN.
 *
 * <p>Fixture: {@code fixtures/transcendentals/transcendentals.txt} from {@code make_transcendentals.py}
 * (real torch, one thread; {@code transcendentals_default.txt} with {@code ATEN_CPU_CAPABILITY=default}, which
 * surefire's default-capability execution checks); it holds a CRC32 per tensor of the output's and the gradient's
 * bits, the inputs being drawn here from the same SplitMix64 stream as in the script.
 */
class TorchTranscendentalsTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 33, 1000};
    private static final int COUNT = 100_000;
    private static final List<String> FUNCTIONS = List.of("sin", "cos", "exp", "log", "tanh", "sigmoid",
            "bce_with_logits");

    private static final double[] F32_SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Float.intBitsToFloat(1), Float.intBitsToFloat(0x80000001), Float.intBitsToFloat(0x00800000),
        Float.intBitsToFloat(0x7F7FFFFF), Float.intBitsToFloat(0xFF7FFFFF), 125.0, -125.0,
        Float.intBitsToFloat(0x42F9FFFF), 88.72283935546875, -103.97207641601562, 1.0, -1.0, 100.0, -104.0,
        8.664339742, 0.5};
    private static final double[] F64_SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.longBitsToDouble(1), Double.longBitsToDouble(0x8000000000000001L),
        Double.longBitsToDouble(0x0010000000000000L), Double.longBitsToDouble(0x7FEFFFFFFFFFFFFFL),
        Double.longBitsToDouble(0xFFEFFFFFFFFFFFFFL), 15.0, -15.0, 1e14, -1e14, 709.782712893384,
        -745.1332191019411, -1000.0, 1.0, -1.0, 18.714973875, 0.5};

    private static double randomBits(SplitMix64 rng, boolean dbl, int expLo, int expHi, boolean positive) {
        long r = rng.next();
        if (dbl) {
            long e = expLo + Long.remainderUnsigned(r >>> 52, expHi - expLo + 1);
            long field = Math.max(0, Math.min(2046, e + 1023));
            long bits = (field << 52) | (r & ((1L << 52) - 1));
            if (!positive && r < 0) {
                bits |= 1L << 63;
            }
            return Double.longBitsToDouble(bits);
        }
        long e = expLo + Long.remainderUnsigned(r >>> 40, expHi - expLo + 1);
        int field = (int) Math.max(0, Math.min(254, e + 127));
        int bits = (field << 23) | (int) (r & ((1 << 23) - 1));
        if (!positive && r < 0) {
            bits |= 1 << 31;
        }
        return Float.intBitsToFloat(bits);
    }

    private static double draw(SplitMix64 rng, String fn, boolean dbl) {
        long mode = Long.remainderUnsigned(rng.next(), 10);
        double[] special = dbl ? F64_SPECIAL : F32_SPECIAL;
        if (mode == 9) {
            return special[(int) Long.remainderUnsigned(rng.next(), special.length)];
        }
        switch (fn) {
            case "sin", "cos" -> {
                if (mode < 5) {
                    return rng.uniform(-8.0, 8.0);
                }
                if (mode < 7) {
                    return rng.uniform(-150.0, 150.0);
                }
                return randomBits(rng, dbl, -30, dbl ? 1000 : 126, false);
            }
            case "exp" -> {
                if (mode < 6) {
                    return rng.uniform(-20.0, 20.0);
                }
                if (mode < 8) {
                    return dbl ? rng.uniform(-760.0, 760.0) : rng.uniform(-110.0, 110.0);
                }
                return randomBits(rng, dbl, -30, 12, false);
            }
            case "log" -> {
                if (mode < 4) {
                    return rng.uniform(0.0, 10.0);
                }
                if (mode < 7) {
                    return randomBits(rng, dbl, dbl ? -1075 : -150, dbl ? 1023 : 127, true);
                }
                if (mode < 8) {
                    return -rng.uniform(0.0, 10.0);
                }
                return rng.uniform(0.99, 1.01);
            }
            case "tanh" -> {
                if (mode < 7) {
                    return rng.uniform(-10.0, 10.0);
                }
                if (mode < 8) {
                    return rng.uniform(-25.0, 25.0);
                }
                return randomBits(rng, dbl, -30, 5, false);
            }
            default -> {
                if (mode < 6) {
                    return rng.uniform(-20.0, 20.0);
                }
                if (mode < 8) {
                    return dbl ? rng.uniform(-120.0, 120.0) : rng.uniform(-110.0, 110.0);
                }
                return randomBits(rng, dbl, -30, 10, false);
            }
        }
    }

    private record Expected(int length, long forward, long grad) {
    }

    private static List<Expected> expected(String fn, String dtype) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (var in = TorchTranscendentalsTest.class.getResourceAsStream(
                CapabilityFixture.path("/fixtures/transcendentals/transcendentals.txt"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals(fn) && f[1].equals(dtype)) {
                    out.add(new Expected(Integer.parseInt(f[2]), Long.parseLong(f[3], 16), Long.parseLong(f[4], 16)));
                }
            }
        }
        return out;
    }

    /** CRC32 of the values' bits as the dtype stores them, little-endian, any NaN as the canonical NaN. */
    static long crc(double[] values, DType dtype) {
        boolean dbl = dtype == DType.FLOAT64;
        ByteBuffer b = ByteBuffer.allocate(values.length * (dbl ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (dbl) {
                b.putLong(Double.doubleToLongBits(v));
            } else {
                b.putInt(Float.floatToIntBits((float) v));
            }
        }
        CRC32 c = new CRC32();
        c.update(b.array());
        return c.getValue();
    }

    private static UnaryOperator<Tensor> op(String fn) {
        return switch (fn) {
            case "sin" -> Pointwise::sin;
            case "cos" -> Pointwise::cos;
            case "exp" -> Pointwise::exp;
            case "log" -> Pointwise::log;
            case "tanh" -> Pointwise::tanh;
            default -> Pointwise::sigmoid;
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"sin, float32", "cos, float32", "exp, float32", "log, float32", "tanh, float32",
        "sigmoid, float32", "sin, float64", "cos, float64", "exp, float64", "log, float64", "tanh, float64",
        "sigmoid, float64", "bce_with_logits, float32", "bce_with_logits, float64"})
    void forwardAndBackwardBitsEqualTorchs(String fn, String dtypeName) throws IOException {
        boolean dbl = dtypeName.equals("float64");
        DType dtype = dbl ? DType.FLOAT64 : DType.FLOAT32;
        SplitMix64 rng = new SplitMix64(0x5EED0000L + FUNCTIONS.indexOf(fn) * 2L + (dbl ? 1 : 0));
        List<Expected> expected = expected(fn, dtypeName);
        int forwardMismatches = 0;
        int gradMismatches = 0;
        String firstMismatch = null;
        int done = 0;
        int k = 0;
        while (done < COUNT) {
            int n = Math.min(LENGTHS[k % LENGTHS.length], COUNT - done);
            Expected e = expected.get(k);
            k++;
            double[] xs = new double[n];
            double[] gs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = draw(rng, fn, dbl);
            }
            for (int i = 0; i < n; i++) {
                gs[i] = rng.uniform(-2.0, 2.0);
            }
            Tensor x = Torch.tensor(Shape.of(n), dtype, xs).requiresGrad_(true);
            Tensor y;
            if (fn.equals("bce_with_logits")) {
                double[] ts = new double[n];
                for (int i = 0; i < n; i++) {
                    ts[i] = (rng.next() & 1) != 0 ? (double) (rng.next() & 1) : rng.uniform(0.0, 1.0);
                }
                y = Losses.binaryCrossEntropyWithLogits(x, Torch.tensor(Shape.of(n), dtype, ts), Reduction.NONE);
            } else {
                y = op(fn).apply(x);
            }
            y.backward(Torch.tensor(Shape.of(n), dtype, gs));
            assertEquals(e.length(), n, "fixture out of step at tensor " + (k - 1));
            boolean forwardOk = crc(y.data(), dtype) == e.forward();
            boolean gradOk = crc(x.grad().data(), dtype) == e.grad();
            if (!forwardOk) {
                forwardMismatches++;
            }
            if (!gradOk) {
                gradMismatches++;
            }
            if ((!forwardOk || !gradOk) && firstMismatch == null) {
                firstMismatch = "tensor " + (k - 1) + " (length " + n + ", forward " + (forwardOk ? "ok" : "differs")
                        + ", grad " + (gradOk ? "ok" : "differs") + "), x[0] = " + xs[0];
            }
            done += n;
        }
        assertEquals(0, forwardMismatches + gradMismatches, fn + " " + dtypeName + ": " + forwardMismatches
                + " forward and " + gradMismatches + " gradient tensors of " + k + " differ; first: " + firstMismatch);
    }
}
