package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.CRC32;
import org.gradviz.engine.kernels.GlibcSinCos;
import org.junit.jupiter.api.Test;

/**
 * {@link GlibcSinCos} gives this machine's glibc 2.36 bits for sin and cos: 320,000 drawn inputs per function
 * (Box–Muller angles in [0, 2π), [-10, 10), wide and huge magnitudes through both reductions, subnormals,
 * neighbours of multiples of π/2, any finite double), checked per group of 1,000 by the CRC32 of the results,
 * and about 2,100 inputs in full (special values, each branch threshold ± 3 ulps, Box–Muller angles). Fixture
 * {@code fixtures/glibc_sincos} from {@code make_glibc_sincos.py} (libm through ctypes); the inputs are drawn here
 * from the same SplitMix64 streams.
 */
class GlibcSinCosTest {
    private static final int GROUP = 1000;
    private static final long MANTISSA = (1L << 52) - 1;

    @Test
    void sinAndCosGiveGlibcsBitsOnEveryDrawnGroup() throws IOException {
        List<String> mismatches = new ArrayList<>();
        String category = null;
        SplitMix64 rng = null;
        double[] xs = null;
        int groups = 0;
        for (String line : fixtureLines()) {
            String[] f = line.split(" ");
            if (!f[0].equals("group")) {
                continue;
            }
            if (!f[2].equals(category)) {
                category = f[2];
                rng = new SplitMix64(seedOf(category));
            }
            if (f[1].equals("sin")) { // sin comes first and draws the group
                xs = new double[GROUP];
                for (int i = 0; i < GROUP; i++) {
                    xs[i] = draw(category, rng);
                }
            }
            long crc = crcOf(xs, function(f[1]));
            if (crc != Long.parseLong(f[4], 16)) {
                mismatches.add(f[1] + " " + category + " group " + f[3]);
            }
            groups++;
        }
        assertEquals(640, groups);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void sinAndCosGiveGlibcsBitsOnSpecialValuesThresholdsAndAngles() throws IOException {
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
        assertEquals(true, values > 4000);
        assertEquals(List.of(), mismatches);
    }

    private static DoubleUnaryOperator function(String name) {
        return name.equals("sin") ? GlibcSinCos::sin : GlibcSinCos::cos;
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

    private static long seedOf(String category) {
        return switch (category) {
            case "theta" -> 0x5C0500L;
            case "uniform10" -> 0x5C0501L;
            case "wide" -> 0x5C0502L;
            case "huge" -> 0x5C0503L;
            case "tiny" -> 0x5C0504L;
            case "halfpi" -> 0x5C0505L;
            case "bits" -> 0x5C0506L;
            default -> throw new IllegalArgumentException(category);
        };
    }

    /** The inputs make_glibc_sincos.py draws for each category. */
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
            default:
                throw new IllegalArgumentException(category);
        }
    }

    private static List<String> fixtureLines() throws IOException {
        try (InputStream in = GlibcSinCosTest.class.getResourceAsStream("/fixtures/glibc_sincos/glibc_sincos.txt")) {
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
