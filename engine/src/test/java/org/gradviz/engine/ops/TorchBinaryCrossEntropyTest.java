package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code F.binary_cross_entropy} on probabilities gives PyTorch 1.13's bits, loss and input gradient, for 1 to 1000
 * elements with each reduction: the element loss {@code (t - 1)·max(log(1 - x), -100) - t·max(log x, -100)} in the
 * dtype (glibc's logf in float32), probabilities of exactly 0 and 1 included.
 *
 * <p>Fixture: {@code fixtures/bce/bce.txt} from {@code make_bce.py} (real torch, one thread): a CRC32 per tensor of
 * the loss's and the gradient's bits; the inputs are drawn here from the same SplitMix64 stream.
 */
class TorchBinaryCrossEntropyTest {
    private static final int[] SIZES = {1, 3, 7, 8, 9, 16, 17, 33, 100, 1000};
    private static final int REPEATS = 5;
    private static final List<String> REDUCTIONS = List.of("none", "mean", "sum");

    private static double probability(SplitMix64 rng) {
        int mode = rng.below(20);
        if (mode == 0) {
            return 0.0;
        } else if (mode == 1) {
            return 1.0;
        } else if (mode < 5) {
            return rng.uniform(0.0, 1e-3);
        }
        return rng.uniform(0.0, 1.0);
    }

    private static double target(SplitMix64 rng) {
        int mode = rng.below(3);
        return mode == 0 ? 0.0 : mode == 1 ? 1.0 : rng.uniform(0.0, 1.0);
    }

    private static List<String[]> expected(String dtype, String reduction) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (var in = TorchBinaryCrossEntropyTest.class.getResourceAsStream("/fixtures/bce/bce.txt");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(" ");
                if (f[0].equals(dtype) && f[1].equals(reduction)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"float32, none", "float64, none", "float32, mean", "float64, mean", "float32, sum", "float64, sum"})
    void lossAndGradientBitsEqualTorchs(String dtypeName, String reductionName) throws IOException {
        boolean dbl = dtypeName.equals("float64");
        DType dtype = dbl ? DType.FLOAT64 : DType.FLOAT32;
        Reduction reduction = Reduction.fromName(reductionName);
        SplitMix64 rng = new SplitMix64(0xBCE00000L + REDUCTIONS.indexOf(reductionName) * 2L + (dbl ? 1 : 0));
        List<String[]> expected = expected(dtypeName, reductionName);
        List<String> mismatches = new ArrayList<>();
        int k = 0;
        for (int size : SIZES) {
            for (int rep = 0; rep < REPEATS; rep++, k++) {
                String[] e = expected.get(k);
                assertEquals(size, Integer.parseInt(e[2]), "fixture out of step at tensor " + k);
                double[] ps = new double[size];
                double[] ts = new double[size];
                for (int i = 0; i < size; i++) {
                    ps[i] = probability(rng);
                }
                for (int i = 0; i < size; i++) {
                    ts[i] = target(rng);
                }
                Tensor x = Torch.tensor(Shape.of(size), dtype, ps).requiresGrad_(true);
                Tensor loss = Losses.binaryCrossEntropy(x, Torch.tensor(Shape.of(size), dtype, ts), reduction);
                loss.sum().backward();
                String what = size + " #" + rep;
                if (TorchTranscendentalsTest.crc(loss.data(), dtype) != Long.parseLong(e[3], 16)) {
                    mismatches.add(what + " loss");
                }
                if (TorchTranscendentalsTest.crc(x.grad().data(), dtype) != Long.parseLong(e[4], 16)) {
                    mismatches.add(what + " grad");
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                dtypeName + " " + reductionName + ": " + mismatches.size() + " of " + 2 * k + " results differ");
    }
}
