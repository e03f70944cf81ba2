package org.gradviz.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradviz.engine.CpuCapability;
import org.gradviz.engine.DType;
import org.junit.jupiter.api.Test;

/**
 * With {@code ATEN_CPU_CAPABILITY=default} (surefire's default-capability execution), {@code normal_} (so
 * {@code randn}) and {@code uniform_} (so {@code nn.Linear}'s initialisation) give the bits of torch started that way
 * ({@code fixtures/randn_default.txt} from {@code make_randn_default.py}): float32 Box–Muller through glibc's float
 * functions, v·std + mean and x·(to - from) + from rounded twice.
 */
class RandnDefaultCapabilityTest {
    @Test
    void normalsAndUniformsAreTheDefaultBuildsBits() throws IOException {
        assumeTrue(CpuCapability.SCALAR, "runs in surefire's default-capability execution");
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (var in = RandnDefaultCapabilityTest.class.getResourceAsStream("/fixtures/randn_default.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                DType dt = f[1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
                int n = Integer.parseInt(f[2]);
                TorchGenerator generator = new TorchGenerator(Long.parseLong(f[3]));
                double a = Double.parseDouble(f[4]);
                double b = Double.parseDouble(f[5]);
                double[] values = f[0].equals("normal") ? generator.normal(n, a, b, dt)
                        : generator.uniform(n, a, b, dt);
                String[] expected = Arrays.copyOfRange(f, 6, f.length);
                for (int i = 0; i < n; i++) {
                    String actual = dt == DType.FLOAT32
                            ? String.format("%08x", Float.floatToRawIntBits((float) values[i]))
                            : String.format("%016x", Double.doubleToRawLongBits(values[i]));
                    if (!actual.equals(expected[i])) {
                        mismatches.add(f[0] + " " + f[1] + " n=" + n + " seed " + f[3] + " at " + i + ": " + actual
                                + " not " + expected[i]);
                        break;
                    }
                }
                cases++;
            }
        }
        assertEquals(20, cases);
        assertEquals(List.of(), mismatches);
    }
}
