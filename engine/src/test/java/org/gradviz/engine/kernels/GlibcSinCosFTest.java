package org.gradviz.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * {@link GlibcSinCosF} against this machine's glibc 2.36 {@code sinf}/{@code cosf} ({@code fixtures/glibc_sincosf},
 * from {@code make_glibc_sincosf.py}): 10.5 million float bit patterns, every 1021st of all 2^32 and dense runs over
 * the polynomial and both reductions, as CRC32s of groups of 4096 results.
 */
class GlibcSinCosFTest {
    private static final int GROUP = 4096;
    private static final Map<String, long[]> CATEGORIES = Map.of("every", new long[] {0, 1021},
            "small", new long[] {0x3C000000L, 7}, "medium", new long[] {0x42000000L, 3});

    private static long crc(int start, int stride, int group, UnaryOperator<Float> f) {
        ByteBuffer b = ByteBuffer.allocate(4 * GROUP).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < GROUP; i++) {
            float x = Float.intBitsToFloat(start + (group * GROUP + i) * stride);
            b.putInt(Float.floatToIntBits(f.apply(x)));
        }
        CRC32 c = new CRC32();
        c.update(b.array());
        return c.getValue();
    }

    @Test
    void everyGroupHasLibmsBits() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int groups = 0;
        try (var in = GlibcSinCosFTest.class.getResourceAsStream("/fixtures/glibc_sincosf/glibc_sincosf.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                if (!f[0].equals("group")) {
                    continue;
                }
                long[] c = CATEGORIES.get(f[1]);
                int group = Integer.parseInt(f[2]);
                UnaryOperator<Float> fn = f[3].equals("sinf") ? GlibcSinCosF::sinf : GlibcSinCosF::cosf;
                if (crc((int) c[0], (int) c[1], group, fn) != Long.parseLong(f[4], 16)) {
                    mismatches.add(f[3] + " " + f[1] + " " + group);
                }
                groups++;
            }
        }
        assertEquals(2566, groups);
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())), mismatches.size() + " groups");
    }

    @Test
    void specialValues() {
        assertEquals(0x1p-13f, GlibcSinCosF.sinf(0x1p-13f));
        assertEquals(1f, GlibcSinCosF.cosf(0x1p-13f));
        assertEquals(-0f, GlibcSinCosF.sinf(-0f));
        assertEquals(Float.NaN, GlibcSinCosF.sinf(Float.POSITIVE_INFINITY));
        assertEquals(Float.NaN, GlibcSinCosF.cosf(Float.NaN));
    }
}
