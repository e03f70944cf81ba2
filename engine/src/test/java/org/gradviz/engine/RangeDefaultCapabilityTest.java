package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code ATEN_CPU_CAPABILITY=default} (surefire's default-capability execution), {@code linspace} and
 * {@code arange} give the bits of torch started that way ({@code fixtures/range_default.txt} from
 * {@code make_range_default.py}): start + step·i rounded twice.
 */
class RangeDefaultCapabilityTest {
    @Test
    void rangesAreTheDefaultBuildsBits() throws IOException {
        assumeTrue(CpuCapability.SCALAR, "runs in surefire's default-capability execution");
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (var in = RangeDefaultCapabilityTest.class.getResourceAsStream("/fixtures/range_default.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                DType dt = f[4].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
                double a = Double.parseDouble(f[1]);
                double b = Double.parseDouble(f[2]);
                Tensor t = f[0].equals("linspace") ? Torch.linspace(a, b, Long.parseLong(f[3]), dt)
                        : Torch.arange(a, b, Double.parseDouble(f[3]), dt);
                String[] expected = Arrays.copyOfRange(f, 5, f.length);
                double[] values = t.data();
                assertEquals(expected.length, values.length, line.substring(0, 40));
                for (int i = 0; i < values.length; i++) {
                    String actual = dt == DType.FLOAT32
                            ? String.format("%08x", Float.floatToRawIntBits((float) values[i]))
                            : String.format("%016x", Double.doubleToRawLongBits(values[i]));
                    if (!actual.equals(expected[i])) {
                        mismatches.add(String.join(" ", Arrays.copyOf(f, 5)) + " at " + i + ": " + actual + " not "
                                + expected[i]);
                        break;
                    }
                }
                cases++;
            }
        }
        assertEquals(16, cases);
        assertEquals(List.of(), mismatches);
    }
}
