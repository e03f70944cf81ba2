package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.CapabilityFixture;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * softmax and log_softmax over the last dimension, forward and backward, give PyTorch 1.13's bits on tensors of 1
 * and 3 rows and 1 to 257 columns (ten of each shape): SLEEF's exp and log on every element, the row sums in
 * {@code vec::reduce_all}'s order (lanes combined by halves in float32, in order in float64).
 *
 * <p>Fixture: {@code fixtures/softmax/softmax.txt} from {@code make_softmax.py} (real torch, one thread): a CRC32
 * per tensor of the output's and the gradient's bits; the inputs are drawn here from the same SplitMix64 stream.
 */
class TorchSoftmaxTest {
    private static final int[] ROWS = {1, 3};
    private static final int[] COLUMNS = {1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 24, 31, 33, 64, 100, 257};
    private static final int REPEATS = 10;
    private static final List<String> FUNCTIONS = List.of("softmax", "log_softmax");

    private static double value(SplitMix64 rng) {
        int mode = rng.below(10);
        if (mode < 7) {
            return rng.uniform(-10.0, 10.0);
        } else if (mode < 9) {
            return rng.uniform(-100.0, 100.0);
        }
        return rng.uniform(-1.0, 1.0);
    }

    private static List<long[]> expected(String dtype, String fn) throws IOException {
        List<long[]> out = new ArrayList<>();
        try (var in = TorchSoftmaxTest.class.getResourceAsStream(
                CapabilityFixture.path("/fixtures/softmax/softmax.txt"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals(dtype) && f[1].equals(fn)) {
                    out.add(new long[] {Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4], 16),
                        Long.parseLong(f[5], 16)});
                }
            }
        }
        return out;
    }

    private static double[] draw(SplitMix64 rng, int n, boolean gradient) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = gradient ? rng.uniform(-2.0, 2.0) : value(rng);
        }
        return v;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"float32, softmax", "float64, softmax", "float32, log_softmax", "float64, log_softmax"})
    void forwardAndBackwardBitsEqualTorchs(String dtypeName, String fn) throws IOException {
        boolean dbl = dtypeName.equals("float64");
        DType dtype = dbl ? DType.FLOAT64 : DType.FLOAT32;
        SplitMix64 rng = new SplitMix64(0x50F70000L + FUNCTIONS.indexOf(fn) * 2L + (dbl ? 1 : 0));
        List<long[]> expected = expected(dtypeName, fn);
        List<String> mismatches = new ArrayList<>();
        int k = 0;
        for (int rows : ROWS) {
            for (int cols : COLUMNS) {
                for (int rep = 0; rep < REPEATS; rep++, k++) {
                    long[] e = expected.get(k);
                    assertEquals(rows * 1000 + cols, e[0] * 1000 + e[1], "fixture out of step at tensor " + k);
                    double[] xs = draw(rng, rows * cols, false);
                    double[] gs = draw(rng, rows * cols, true);
                    Tensor x = Torch.tensor(Shape.of(rows, cols), dtype, xs).requiresGrad_(true);
                    Tensor y = fn.equals("softmax") ? Softmax.softmax(x, -1) : LogSoftmax.logSoftmax(x, -1);
                    y.backward(Torch.tensor(Shape.of(rows, cols), dtype, gs));
                    String what = rows + "x" + cols + " #" + rep;
                    if (TorchTranscendentalsTest.crc(y.data(), dtype) != e[2]) {
                        mismatches.add(what + " forward");
                    }
                    if (TorchTranscendentalsTest.crc(x.grad().data(), dtype) != e[3]) {
                        mismatches.add(what + " grad");
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                dtypeName + " " + fn + ": " + mismatches.size() + " of " + 2 * k + " results differ");
    }
}
