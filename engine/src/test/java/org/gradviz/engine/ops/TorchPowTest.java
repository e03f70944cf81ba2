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
 * {@code x ** e} (forward and backward) and {@code x ** y} (forward) give PyTorch 1.13's bits on 10,000 bases per
 * exponent and dtype, cut into tensors of lengths 1, 7, 8, 9, 15, 16, 17, 33 and 1000, so SLEEF's blocks and
 * the scalar tails are both covered; bases include negatives (NaN for a fractional exponent), zeros, infinities
 * and NaN.
 *
 * <p>Fixture: {@code fixtures/pow/pow.txt} from {@code make_pow.py} (real torch, one thread): a CRC32 per
 * tensor of the output's and the gradient's bits; the inputs are drawn here from the same SplitMix64 stream.
 */
class TorchPowTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 33, 1000};
    private static final int COUNT = 10_000;
    private static final List<String> EXPONENTS = List.of("4", "5", "1.5", "2.5", "-3", "0.3", "7", "-2", "2", "3",
            "0.5", "-0.5", "-1", "0", "tensor");
    private static final double[] SPECIAL = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, 1.0, -1.0, 2.0, -2.0, 1e-30, 1e30};

    private static double base(SplitMix64 rng) {
        int mode = rng.below(10);
        if (mode < 5) {
            return rng.uniform(0.0, 4.0);
        } else if (mode < 7) {
            return rng.uniform(-4.0, 4.0);
        } else if (mode < 8) {
            return rng.uniform(0.0, 60.0);
        } else if (mode < 9) {
            return rng.uniform(0.9, 1.1);
        }
        return SPECIAL[rng.below(SPECIAL.length)];
    }

    private static double exponent(SplitMix64 rng) {
        int mode = rng.below(4);
        if (mode == 0) {
            return rng.below(9) - 4.0;
        }
        if (mode == 3 && rng.below(8) == 0) {
            return SPECIAL[rng.below(SPECIAL.length)];
        }
        return rng.uniform(-4.0, 4.0);
    }

    private record Expected(int length, long forward, String grad) {
    }

    private static List<Expected> expected(String dtype, String exponent) throws IOException {
        List<Expected> out = new ArrayList<>();
        try (var in = TorchPowTest.class.getResourceAsStream(CapabilityFixture.path("/fixtures/pow/pow.txt"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals(dtype) && f[1].equals(exponent)) {
                    out.add(new Expected(Integer.parseInt(f[2]), Long.parseLong(f[3], 16), f[4]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} ** {1}")
    @CsvSource({"float32, 4", "float32, 5", "float32, 1.5", "float32, 2.5", "float32, -3", "float32, 0.3",
        "float32, 7", "float32, -2", "float32, 2", "float32, 3", "float32, 0.5", "float32, -0.5", "float32, -1",
        "float32, 0", "float32, tensor", "float64, 4", "float64, 5", "float64, 1.5", "float64, 2.5", "float64, -3",
        "float64, 0.3", "float64, 7", "float64, -2", "float64, 2", "float64, 3", "float64, 0.5", "float64, -0.5",
        "float64, -1", "float64, 0", "float64, tensor"})
    void forwardAndBackwardBitsEqualTorchs(String dtypeName, String exponentName) throws IOException {
        boolean dbl = dtypeName.equals("float64");
        DType dtype = dbl ? DType.FLOAT64 : DType.FLOAT32;
        SplitMix64 rng = new SplitMix64(0x90770000L + EXPONENTS.indexOf(exponentName) * 2L + (dbl ? 1 : 0));
        List<Expected> expected = expected(dtypeName, exponentName);
        List<String> mismatches = new ArrayList<>();
        int done = 0;
        int k = 0;
        while (done < COUNT) {
            int n = Math.min(LENGTHS[k % LENGTHS.length], COUNT - done);
            Expected e = expected.get(k);
            assertEquals(e.length(), n, "fixture out of step at tensor " + k);
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = base(rng);
            }
            String what = "tensor " + k + " (length " + n + ", x[0] = " + xs[0] + ")";
            if (exponentName.equals("tensor")) {
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    ys[i] = exponent(rng);
                }
                Tensor y = Arithmetic.pow(Torch.tensor(Shape.of(n), dtype, xs), Torch.tensor(Shape.of(n), dtype, ys));
                if (TorchTranscendentalsTest.crc(y.data(), dtype) != e.forward()) {
                    mismatches.add(what + " forward");
                }
            } else {
                double[] gs = new double[n];
                for (int i = 0; i < n; i++) {
                    gs[i] = rng.uniform(-2.0, 2.0);
                }
                Tensor x = Torch.tensor(Shape.of(n), dtype, xs).requiresGrad_(true);
                Tensor y = Arithmetic.pow(x, Double.parseDouble(exponentName));
                y.backward(Torch.tensor(Shape.of(n), dtype, gs));
                if (TorchTranscendentalsTest.crc(y.data(), dtype) != e.forward()) {
                    mismatches.add(what + " forward");
                }
                if (TorchTranscendentalsTest.crc(x.grad().data(), dtype) != Long.parseLong(e.grad(), 16)) {
                    mismatches.add(what + " grad");
                }
            }
            k++;
            done += n;
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                dtypeName + " ** " + exponentName + ": " + mismatches.size() + " of " + k + " tensors differ");
    }
}
