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
import java.util.zip.CRC32;
import org.gradviz.engine.kernels.GlibcFloatSpecial;
import org.gradviz.engine.kernels.GlibcPowF;
import org.junit.jupiter.api.Test;

/**
 * The ports of glibc 2.36's {@code powf}, {@code log2f} and {@code log10f} ({@link GlibcPowF},
 * {@link GlibcFloatSpecial}) give this machine's libm bits on 200,000 inputs each (any float, positive floats from
 * subnormals up, 2^-30 to 2^30, [0.5, 2), special values; powf with a third of the bases negated and a quarter of the
 * exponents integers).
 *
 * <p>Fixture: {@code fixtures/glibc_float/glibc_float.txt} from {@code make_glibc_float.py} (ctypes on libm): a CRC32
 * per function and group of 1,000 results; the inputs are drawn here from the same SplitMix64 stream.
 */
class GlibcFloatFunctionsTest {
    private static final int GROUP = 1000;
    private static final int GROUPS = 40;
    private static final List<String> CATEGORIES = List.of("positive", "wide", "nearone", "any", "special");
    private static final int[] SPECIAL = {0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
        0x7fc00000, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff, 0x40000000, 0xc0000000, 0x3f000000, 0xbf000000,
        0x4b000001};

    private static float mantissaExponent(SplitMix64 rng, int lo, int hi, boolean sign) {
        long z = rng.next();
        long e = lo + Long.remainderUnsigned(z >>> 40, hi - lo);
        long s = sign ? z >>> 63 : 0;
        return Float.intBitsToFloat((int) ((s << 31) | (e << 23) | (z & 0x7FFFFF)));
    }

    private static float drawX(String category, SplitMix64 rng) {
        return switch (category) {
            case "any" -> Float.intBitsToFloat((int) (rng.next() >>> 32));
            case "special" -> Float.intBitsToFloat(SPECIAL[rng.below(SPECIAL.length)]);
            case "wide" -> mantissaExponent(rng, 97, 157, false);
            case "nearone" -> mantissaExponent(rng, 126, 128, false);
            default -> mantissaExponent(rng, 0, 255, false);
        };
    }

    private static float drawY(String category, SplitMix64 rng) {
        if (category.equals("any") || category.equals("special")) {
            return drawX(category, rng);
        }
        long z = rng.next();
        if (Long.remainderUnsigned(z, 4) == 0) {
            return Long.remainderUnsigned(z >>> 8, 41) - 20f;
        }
        return mantissaExponent(rng, 117, 133, true);
    }

    private static long crc(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putInt(Float.isNaN(v) ? 0x7FC00000 : Float.floatToRawIntBits(v));
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array());
        return crc.getValue();
    }

    @Test
    void powfLog2fAndLog10fGiveLibmsBits() throws IOException {
        List<String> expected = new ArrayList<>();
        try (var in = GlibcFloatFunctionsTest.class.getResourceAsStream("/fixtures/glibc_float/glibc_float.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(expected::add);
        }
        List<String> mismatches = new ArrayList<>();
        int line = 0;
        for (int seed = 0; seed < CATEGORIES.size(); seed++) {
            String category = CATEGORIES.get(seed);
            SplitMix64 rng = new SplitMix64(0x61F10000L + seed);
            for (int group = 0; group < GROUPS; group++) {
                float[] xs = new float[GROUP];
                float[] ys = new float[GROUP];
                for (int i = 0; i < GROUP; i++) {
                    xs[i] = drawX(category, rng);
                }
                for (int i = 0; i < GROUP; i++) {
                    ys[i] = drawY(category, rng);
                }
                float[] pow = new float[GROUP];
                float[] log2 = new float[GROUP];
                float[] log10 = new float[GROUP];
                for (int i = 0; i < GROUP; i++) {
                    pow[i] = GlibcPowF.powf(i % 3 == 0 ? -xs[i] : xs[i], ys[i]);
                    log2[i] = GlibcPowF.log2f(xs[i]);
                    log10[i] = GlibcFloatSpecial.log10f(xs[i]);
                }
                for (float[] values : new float[][] {pow, log2, log10}) {
                    String want = expected.get(line++);
                    String got = String.format("%08x", crc(values));
                    if (!want.endsWith(" " + got)) {
                        mismatches.add(want + " (got " + got + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
