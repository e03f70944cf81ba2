package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradviz.engine.CapabilityFixture;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * leaky_relu, elu, silu, softplus, gelu, rsqrt, log1p, expm1, maximum, minimum, smooth_l1_loss, huber_loss and
 * l1_loss, forward and backward, give PyTorch 1.13's bits in float32 and float64 for tensors of lengths 1, 7, 8, 9,
 * 15, 16, 17, 33 and 1000 (vectorised chunks and scalar tails), inputs including zeros, ±20, ±100 and infinities.
 *
 * <p>Fixture: {@code fixtures/activations/activations.txt} from {@code make_activations.py} (real torch, one thread),
 * whose inputs this test draws from the same SplitMix64 stream. (float32 gelu is oneDNN's kernel in torch.)
 */
class TorchActivationsTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 33, 1000};
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, 0.5, 20.0, -20.0, 100.0, -100.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private record Case(int arity, String kind, Function<Tensor[], Tensor> fn) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        unary("leaky_relu", "wide", x -> Activations.leakyRelu(x, 0.01));
        unary("leaky_relu_0.2", "wide", x -> Activations.leakyRelu(x, 0.2));
        unary("elu", "wide", x -> Activations.elu(x, 1.0));
        unary("elu_0.5", "wide", x -> Activations.elu(x, 0.5));
        unary("silu", "wide", Activations::silu);
        unary("softplus", "wide", x -> Activations.softplus(x, 1, 20));
        unary("softplus_2_5", "wide", x -> Activations.softplus(x, 2, 5));
        unary("gelu", "wide", x -> Activations.gelu(x, false));
        unary("gelu_tanh", "wide", x -> Activations.gelu(x, true));
        unary("rsqrt", "positive", UnaryFunctions::rsqrt);
        unary("log1p", "above_minus_one", UnaryFunctions::log1p);
        unary("expm1", "wide", UnaryFunctions::expm1);
        binary("maximum", "ties", x -> Bounds.maximum(x[0], x[1]));
        binary("minimum", "ties", x -> Bounds.minimum(x[0], x[1]));
        binary("smooth_l1_none", "wide", x -> RobustLosses.smoothL1Loss(x[0], x[1], Reduction.NONE, 1.0));
        binary("smooth_l1_mean", "wide", x -> RobustLosses.smoothL1Loss(x[0], x[1], Reduction.MEAN, 1.0));
        binary("smooth_l1_0.5_sum", "wide", x -> RobustLosses.smoothL1Loss(x[0], x[1], Reduction.SUM, 0.5));
        binary("huber_none", "wide", x -> RobustLosses.huberLoss(x[0], x[1], Reduction.NONE, 1.0));
        binary("huber_2_mean", "wide", x -> RobustLosses.huberLoss(x[0], x[1], Reduction.MEAN, 2.0));
        binary("huber_0.5_sum", "wide", x -> RobustLosses.huberLoss(x[0], x[1], Reduction.SUM, 0.5));
        binary("l1_mean", "wide", x -> RobustLosses.l1Loss(x[0], x[1], Reduction.MEAN));
        binary("l1_none", "wide", x -> RobustLosses.l1Loss(x[0], x[1], Reduction.NONE));
        binary("bce_pos_weight_mean", "logit_prob", x -> WeightedBceWithLogits.loss(x[0], x[1], null,
                Torch.scalar(3.0, x[0].dtype()), Reduction.MEAN));
        binary("bce_weight_pos_weight_none", "logit_prob", x -> WeightedBceWithLogits.loss(x[0], x[1],
                Torch.scalar(0.5, x[0].dtype()), Torch.scalar(2.0, x[0].dtype()), Reduction.NONE));
        binary("bce_weight_sum", "logit_prob", x -> WeightedBceWithLogits.loss(x[0], x[1],
                Torch.scalar(1.5, x[0].dtype()), null, Reduction.SUM));
    }

    private static void unary(String name, String kind, Function<Tensor, Tensor> f) {
        CASES.put(name, new Case(1, kind, x -> f.apply(x[0])));
    }

    private static void binary(String name, String kind, Function<Tensor[], Tensor> f) {
        CASES.put(name, new Case(2, kind, f));
    }

    /** One input as make_activations.py draws it; null (for "ties") repeats the first input's element. */
    private static Double draw(SplitMix64 rng, String kind) {
        long mode = Long.remainderUnsigned(rng.next(), 10);
        if (kind.equals("ties") && mode < 3) {
            return null;
        }
        if (kind.equals("logit_prob")) {
            return rng.uniform(0.0, 1.0);
        }
        if (mode == 9 && kind.equals("wide")) {
            return SPECIAL[(int) Long.remainderUnsigned(rng.next(), SPECIAL.length)];
        }
        return switch (kind) {
            case "positive" -> rng.uniform(1e-3, 50.0);
            case "above_minus_one" -> rng.uniform(-0.999, 10.0);
            default -> rng.uniform(-8.0, 8.0);
        };
    }

    static List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        try (var in = TorchActivationsTest.class.getResourceAsStream(
                CapabilityFixture.path("/fixtures/activations/activations.txt"));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(l -> out.add(l.substring(0, l.indexOf(' ', l.indexOf(' ') + 1))));
        }
        return out.stream().distinct().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void matchesTorchBits(String caseAndDtype) throws IOException {
        String name = caseAndDtype.split(" ")[0];
        DType dtype = caseAndDtype.endsWith("float64") ? DType.FLOAT64 : DType.FLOAT32;
        Map<Integer, String[]> expected = new LinkedHashMap<>();
        try (var in = TorchActivationsTest.class.getResourceAsStream(
                CapabilityFixture.path("/fixtures/activations/activations.txt"));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> l.startsWith(caseAndDtype + " "))
                    .forEach(l -> {
                        String[] f = l.split(" ");
                        expected.put(Integer.parseInt(f[2]), f);
                    });
        }
        Case c = CASES.get(name);
        int seed = new ArrayList<>(CASES.keySet()).indexOf(name);
        SplitMix64 rng = new SplitMix64(1000 + seed * 2L + (dtype == DType.FLOAT64 ? 1 : 0));
        List<String> mismatches = new ArrayList<>();
        for (int n : LENGTHS) {
            double[][] inputs = new double[c.arity][n];
            for (int i = 0; i < n; i++) {
                inputs[0][i] = draw(rng, c.kind.equals("ties") || c.kind.equals("logit_prob") ? "wide" : c.kind);
            }
            if (c.arity == 2) {
                for (int i = 0; i < n; i++) {
                    Double v = draw(rng, c.kind);
                    inputs[1][i] = v == null ? inputs[0][i] : v;
                }
            }
            Tensor[] leaves = new Tensor[c.arity];
            for (int k = 0; k < c.arity; k++) {
                leaves[k] = Torch.tensor(Shape.of(n), dtype, dtype.roundAll(inputs[k]))
                        .requiresGrad_(k == 0 || !c.kind.equals("logit_prob"));
            }
            Tensor out = c.fn.apply(leaves);
            double[] g = new double[out.numel()];
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.uniform(-2.0, 2.0);
            }
            out.backward(Torch.tensor(out.shape(), dtype, dtype.roundAll(g)));
            String[] want = expected.get(n);
            compare(mismatches, n + " out", want[3], out, dtype);
            for (int k = 0; k < c.arity && 4 + k < want.length; k++) {
                compare(mismatches, n + " grad" + k, want[4 + k], leaves[k].grad(), dtype);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    static void compare(List<String> mismatches, String where, String want, Tensor got, DType dtype) {
        String[] words = want.split(",");
        double[] values = got.data();
        int bad = 0;
        String first = null;
        for (int i = 0; i < words.length; i++) {
            String hex = hex(values[i], dtype);
            if (!hex.equals(words[i])) {
                bad++;
                if (first == null) {
                    first = "[" + i + "] want " + words[i] + " got " + hex;
                }
            }
        }
        if (bad > 0) {
            mismatches.add(where + ": " + bad + " of " + words.length + " differ, first " + first);
        }
    }

    private static String hex(double v, DType dtype) {
        if (dtype == DType.FLOAT32) {
            int bits = Float.isNaN((float) v) ? 0x7FC00000 : Float.floatToRawIntBits((float) v);
            return String.format("%08x", bits);
        }
        long bits = Double.isNaN(v) ? 0x7FF8000000000000L : Double.doubleToRawLongBits(v);
        return String.format("%016x", bits);
    }
}
