package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.CRC32;
import org.gradviz.engine.kernels.GlibcAtan;
import org.gradviz.engine.kernels.GlibcErf;
import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.GlibcMath;
import org.gradviz.engine.kernels.GlibcPow;
import org.gradviz.engine.kernels.GlibcSinCos;
import org.gradviz.engine.kernels.GlibcHyperbolic;
import org.junit.jupiter.api.Test;

/**
 * The engine's ports of glibc 2.36 ({@link GlibcSinCos}, {@link GlibcHyperbolic}, {@link GlibcMath#exp},
 * {@link GlibcLog}, {@link GlibcErf}, {@link GlibcAtan}, {@link GlibcPow}) give this machine's libm bits: sin and cos
 * on 320,000 drawn inputs each (Box–Muller angles in [0, 2π), [-10, 10), wide and huge magnitudes through both
 * reductions, subnormals, neighbours of multiples of π/2, any finite double); tanh, expm1, exp, log, sinh, cosh,
 * log1p, log10, log2, erf and atan on 120,000 to 160,000 each; pow on 40,000 pairs (down to subnormal results, and
 * negative bases); each group of 1,000 checked by the CRC32 of its results; and about 2,600 inputs in full (special
 * values, branch thresholds ± 3 ulps, Box–Muller angles). Fixture {@code fixtures/glibc_math} from
 * {@code make_glibc_math.py} (libm through ctypes); the inputs are drawn here from the same SplitMix64 streams.
 */
class GlibcScalarMathTest {
    private static final int GROUP = 1000;
    private static final long MANTISSA = (1L << 52) - 1;

    @Test
    void everyFunctionGivesGlibcsBitsOnEveryDrawnGroup() throws IOException {
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> groupsPerFunction = new TreeMap<>();
        String category = null;
        String group = null;
        SplitMix64 rng = null;
        double[] xs = null;
        for (String line : fixtureLines()) {
            String[] f = line.split(" ");
            if (!f[0].equals("group")) {
                continue;
            }
            if (!f[1].equals(category)) {
                category = f[1];
                rng = new SplitMix64(seedOf(category));
            }
            if (!f[2].equals(group)) { // the functions of one group share its inputs
                group = f[2];
                boolean pairs = category.startsWith("pow");
                xs = new double[pairs ? 2 * GROUP : GROUP];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = pairs && i % 2 == 1 ? drawPowExponent(category, rng) : draw(category, rng);
                }
            }
            long crc = f[3].equals("pow") ? crcOfPow(xs) : crcOf(xs, function(f[3]));
            if (crc != Long.parseLong(f[4], 16)) {
                mismatches.add(f[3] + " " + category + " group " + group);
            }
            groupsPerFunction.merge(f[3], 1, Integer::sum);
        }
        assertEquals(Map.ofEntries(Map.entry("sin", 320), Map.entry("cos", 320), Map.entry("tanh", 140),
                Map.entry("expm1", 160), Map.entry("exp", 140), Map.entry("log", 140), Map.entry("sinh", 160),
                Map.entry("cosh", 160), Map.entry("log1p", 140), Map.entry("log10", 140), Map.entry("erf", 140),
                Map.entry("log2", 140), Map.entry("atan", 140), Map.entry("pow", 40)),
                groupsPerFunction);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyFunctionGivesGlibcsBitsOnSpecialValuesThresholdsAndAngles() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int values = 0;
        for (String line : fixtureLines()) {
            String[] f = line.split(" ");
            if (!f[0].equals("value")) {
                continue;
            }
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(f[2], 16));
            long got = Double.doubleToLongBits(function(f[1]).applyAsDouble(x));
            if (got != Long.parseUnsignedLong(f[3], 16)) {
                mismatches.add(f[1] + "(" + Double.toHexString(x) + ") = " + Long.toHexString(got) + " not " + f[3]);
            }
            values++;
        }
        assertEquals(true, values > 5000, values + " values");
        assertEquals(List.of(), mismatches);
    }

    private static DoubleUnaryOperator function(String name) {
        return switch (name) {
            case "sin" -> GlibcSinCos::sin;
            case "cos" -> GlibcSinCos::cos;
            case "tanh" -> GlibcHyperbolic::tanh;
            case "expm1" -> GlibcHyperbolic::expm1;
            case "exp" -> GlibcMath::exp;
            case "log" -> GlibcLog::log;
            case "sinh" -> GlibcHyperbolic::sinh;
            case "cosh" -> GlibcHyperbolic::cosh;
            case "log1p" -> GlibcLog::log1p;
            case "log10" -> GlibcLog::log10;
            case "erf" -> GlibcErf::erf;
            case "log2" -> GlibcLog::log2;
            case "atan" -> GlibcAtan::atan;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The CRC32 of the results' bits, little-endian, any NaN as the canonical one. */
    private static long crcOf(double[] xs, DoubleUnaryOperator f) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * xs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : xs) {
            buffer.putLong(Double.doubleToLongBits(f.applyAsDouble(x)));
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array());
        return crc.getValue();
    }

    /** pow(x, y) over the pairs (x, y) of {@code xy}, CRC32 as {@link #crcOf}. */
    private static long crcOfPow(double[] xy) {
        double[] results = new double[xy.length / 2];
        for (int i = 0; i < results.length; i++) {
            results[i] = GlibcPow.pow(xy[2 * i], xy[2 * i + 1]);
        }
        return crcOf(results, r -> r);
    }

    private static double drawPowExponent(String category, SplitMix64 rng) {
        return category.equals("powpairs") ? rng.uniform(-1100.0, 1100.0) : (double) (rng.below(2201) - 1100);
    }

    private static long seedOf(String category) {
        return switch (category) {
            case "theta" -> 0x5C0500L;
            case "uniform10" -> 0x5C0501L;
            case "wide" -> 0x5C0502L;
            case "huge" -> 0x5C0503L;
            case "tiny" -> 0x5C0504L;
            case "halfpi" -> 0x5C0505L;
            case "bits" -> 0x5C0506L;
            case "micro" -> 0x5C0507L;
            case "exprange" -> 0x5C0508L;
            case "positive" -> 0x5C0509L;
            case "aroundzero" -> 0x5C050AL;
            case "powpairs" -> 0x5C050BL;
            case "powint" -> 0x5C050CL;
            case "nearone" -> 0x5C050DL;
            default -> throw new IllegalArgumentException(category);
        };
    }

    /** The inputs make_glibc_math.py draws for each category. */
    private static double draw(String category, SplitMix64 rng) {
        switch (category) {
            case "theta":
                return 2.0 * Math.PI * ((rng.next() >>> 11) * 0x1p-53);
            case "uniform10":
                return rng.uniform(-10.0, 10.0);
            case "wide": {
                long e = rng.below(61) - 30;
                return Double.longBitsToDouble(((rng.next() & 1) << 63) | ((e + 1023) << 52) | (rng.next() & MANTISSA));
            }
            case "huge": {
                long e = 20 + rng.below(1004);
                return Double.longBitsToDouble(((rng.next() & 1) << 63) | ((e + 1023) << 52) | (rng.next() & MANTISSA));
            }
            case "tiny": {
                long e = rng.below(1000);
                return Double.longBitsToDouble(((rng.next() & 1) << 63) | (e << 52) | (rng.next() & MANTISSA));
            }
            case "halfpi": {
                long k = 1 + rng.below(1000000);
                long d = rng.below(9) - 4;
                long sign = (rng.next() & 1) << 63;
                return Double.longBitsToDouble(sign | (Double.doubleToLongBits(k * (Math.PI / 2)) + d));
            }
            case "bits": {
                long b = rng.next();
                if (((b >>> 52) & 0x7FF) == 0x7FF) {
                    b ^= 1L << 62;
                }
                return Double.longBitsToDouble(b);
            }
            case "micro":
                return rng.uniform(-5.0, 5.0);
            case "exprange":
                return rng.uniform(-760.0, 760.0);
            case "positive":
                return rng.uniform(0.0, 4.0);
            case "aroundzero":
                return rng.uniform(-1.0, 1.0);
            case "nearone":
                return rng.uniform(0.9, 1.1);
            case "powpairs": // x of (x, y); drawPowExponent draws y
                return rng.uniform(0.0, 3.0);
            case "powint":
                return rng.uniform(-3.0, 3.0);
            default:
                throw new IllegalArgumentException(category);
        }
    }

    private static List<String> fixtureLines() throws IOException {
        try (InputStream in = GlibcScalarMathTest.class.getResourceAsStream("/fixtures/glibc_math/glibc_math.txt")) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }
}
