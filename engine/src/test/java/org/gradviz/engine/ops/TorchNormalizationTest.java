package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gradviz.engine.CapabilityFixture;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * layer_norm and batch_norm give PyTorch 1.13's bits, forward (with batch_norm's running statistics) and backward
 * (input, weight and bias), float32 and float64, training and eval, with and without weight and bias, on rows of 1
 * to 300 elements and batches of (N, C), (N, C, L) and (N, C, H, W).
 *
 * <p>Fixture: {@code fixtures/normalization/normalization.txt} from {@code make_normalization.py} (real torch, one
 * thread; {@code normalization_default.txt} with {@code ATEN_CPU_CAPABILITY=default}, which surefire's
 * default-capability execution checks), inputs and results in hex.
 */
class TorchNormalizationTest {
    private static final String FIXTURE = "/fixtures/normalization/normalization.txt";

    /** One case: its header line and its tensors' values, null for an absent tensor. */
    record Case(String header, double[][] values) {
        @Override
        public String toString() {
            return header;
        }

        String[] fields() {
            return header.split(" ");
        }

        DType dtype() {
            return fields()[1].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        }
    }

    static List<Case> cases() throws IOException {
        String path = CapabilityFixture.path(FIXTURE);
        List<Case> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TorchNormalizationTest.class.getResourceAsStream(path), StandardCharsets.UTF_8))) {
            String header;
            while ((header = in.readLine()) != null) {
                int count = header.startsWith("LN") ? 10 : 12;
                double[][] values = new double[count][];
                for (int i = 0; i < count; i++) {
                    values[i] = parse(in.readLine());
                }
                out.add(new Case(header, values));
            }
        }
        return out;
    }

    private static double[] parse(String line) {
        if (line.equals("-")) {
            return null;
        }
        if (line.equals(".")) {
            return new double[0];
        }
        String[] words = line.split(" ");
        double[] v = new double[words.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(words[i]);
        }
        return v;
    }

    private static Tensor leaf(Shape shape, DType dt, double[] values) {
        return values == null ? null : Tensor.fromData(shape, dt, values.clone()).requiresGrad_(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalizationGivesTorchsBits(Case c) {
        String[] f = c.fields();
        DType dt = c.dtype();
        double[][] v = c.values();
        List<Executable> checks = new ArrayList<>();
        if (f[0].equals("LN")) {
            int m = Integer.parseInt(f[2]);
            int n = Integer.parseInt(f[3]);
            Tensor x = leaf(Shape.of(m, n), dt, v[0]);
            Tensor w = leaf(Shape.of(n), dt, v[1]);
            Tensor b = leaf(Shape.of(n), dt, v[2]);
            Tensor y = LayerNorm.layerNorm(x, new int[] {n}, w, b, Double.parseDouble(f[5]));
            y.backward(Tensor.fromData(Shape.of(m, n), dt, v[3]));
            checks.add(bits("output", v[4], y::data));
            checks.add(bits("input grad", v[7], () -> x.grad().data()));
            if (w != null) {
                checks.add(bits("weight grad", v[8], () -> w.grad().data()));
                checks.add(bits("bias grad", v[9], () -> b.grad().data()));
            }
        } else {
            int n = Integer.parseInt(f[2]);
            int ch = Integer.parseInt(f[3]);
            int s = Integer.parseInt(f[4]);
            Shape shape = s == 1 ? Shape.of(n, ch) : Shape.of(n, ch, s);
            Tensor x = leaf(shape, dt, v[0]);
            Tensor w = leaf(Shape.of(ch), dt, v[1]);
            Tensor b = leaf(Shape.of(ch), dt, v[2]);
            Tensor runningMean = Tensor.fromData(Shape.of(ch), dt, v[3].clone());
            Tensor runningVar = Tensor.fromData(Shape.of(ch), dt, v[4].clone());
            Tensor y = BatchNorm.batchNorm(x, w, b, runningMean, runningVar, f[5].equals("1"),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7]));
            y.backward(Tensor.fromData(shape, dt, v[5]));
            checks.add(bits("output", v[6], y::data));
            checks.add(bits("running_mean", v[7], runningMean::data));
            checks.add(bits("running_var", v[8], runningVar::data));
            checks.add(bits("input grad", v[9], () -> x.grad().data()));
            if (w != null) {
                checks.add(bits("weight grad", v[10], () -> w.grad().data()));
                checks.add(bits("bias grad", v[11], () -> b.grad().data()));
            }
        }
        assertAll(checks.stream());
    }

    private static Executable bits(String what, double[] expected, Supplier<double[]> actual) {
        return () -> {
            double[] got = actual.get();
            assertEquals(expected.length, got.length, what + " length");
            for (int i = 0; i < expected.length; i++) {
                int k = i;
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(got[i]),
                        () -> what + " element " + k + ": torch " + expected[k] + ", gradviz " + got[k]);
            }
        };
    }
}
