package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.kernels.GlibcLog;
import org.junit.jupiter.api.Test;

/**
 * {@link GlibcLog} gives this machine's glibc bits: logf on 4,000 positive floats of every kind (subnormal, NaN,
 * infinity), log on 4,000 doubles (half in (0, 2), half any positive). Fixture {@code fixtures/glibc_log} from
 * {@code make_glibc_log.py} (libm through ctypes); the inputs are drawn here from the same SplitMix64 stream.
 */
class GlibcLogTest {
    @Test
    void logfAndLogGiveGlibcsBits() throws IOException {
        List<String> expected = new ArrayList<>();
        try (InputStream in = GlibcLogTest.class.getResourceAsStream("/fixtures/glibc_log/glibc_log.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    expected.add(line);
                }
            }
        }
        SplitMix64 rng = new SplitMix64(0x6C0600L);
        List<String> mismatches = new ArrayList<>();
        int k = 0;
        for (; k < 4000; k++) {
            float x = Float.intBitsToFloat((int) (rng.next() & 0x7FFFFFFF));
            String got = String.format("f %08x", Float.floatToIntBits(GlibcLog.logf(x)));
            float want = Float.intBitsToFloat(Integer.parseUnsignedInt(expected.get(k).substring(2), 16));
            if (!got.equals(String.format("f %08x", Float.floatToIntBits(want)))) { // any NaN as the canonical one
                mismatches.add(x + ": " + got + " vs " + expected.get(k));
            }
        }
        for (; k < 8000; k++) {
            double x = Long.remainderUnsigned(rng.next(), 2) == 1 ? rng.uniform(0.0, 2.0)
                    : Double.longBitsToDouble(rng.next() >>> 1);
            String got = String.format("d %016x", Double.doubleToLongBits(GlibcLog.log(x)));
            double want = Double.longBitsToDouble(Long.parseUnsignedLong(expected.get(k).substring(2), 16));
            if (!got.equals(String.format("d %016x", Double.doubleToLongBits(want)))) {
                mismatches.add(x + ": " + got + " vs " + expected.get(k));
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
