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
 * norm, var, std, var_mean, std_mean, prod, cumprod, logsumexp, amax, amin, log10, log2, cdist and cross_entropy give
 * PyTorch 1.13's bits, forward and backward, in float32 and float64, for tensors of n = 1, 7, 8, 9, 15, 16, 17, 33
 * and 1000 elements (or rows or columns of n), so vector chunks and scalar tails are covered.
 *
 * <p>Fixture: {@code fixtures/statistics/statistics.txt} from {@code make_statistics.py} (real torch, one thread;
 * {@code statistics_default.txt} with {@code ATEN_CPU_CAPABILITY=default}, which surefire's default-capability
 * execution checks): the output's and the gradient's bits in hex; the inputs are drawn here from the same SplitMix64
 * stream as in the script.
 */
class TorchStatisticsTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 33, 1000};
    private static final double[] SPECIAL = {0.0, 1.0, 0.5, 1e-3, 20.0, 100.0, Double.POSITIVE_INFINITY};
    private static final String FIXTURE = "/fixtures/statistics/statistics.txt";

    /** shape: "flat" (n), "rows" (3, n), "cols" (n, 3), "fours" (50, 4), "thirteens" (50, 13); fn null for cross_entropy. */
    private record Case(String shape, String kind, Function<Tensor, Tensor> fn) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        put("norm", "flat", "wide", x -> Norms.norm(x, 2, null, false));
        put("norm_1", "flat", "wide", x -> Norms.norm(x, 1, null, false));
        put("norm_rows", "rows", "wide", x -> Norms.norm(x, 2, 1, false));
        put("norm_cols", "cols", "wide", x -> Norms.norm(x, 2, 0, false));
        put("norm_rows_of_4", "fours", "wide", x -> Norms.norm(x, 2, 1, false));
        put("norm_rows_of_13", "thirteens", "wide", x -> Norms.norm(x, 2, 1, false));
        put("var", "flat", "wide", x -> Moments.all(x, 1, false));
        put("std", "flat", "wide", x -> Moments.all(x, 1, true));
        put("var_rows", "rows", "wide", x -> Moments.along(x, 1, 1, false, false));
        put("std_rows", "rows", "wide", x -> Moments.along(x, 1, 1, false, true));
        put("var_cols", "cols", "wide", x -> Moments.along(x, 0, 1, false, false));
        put("std_cols_biased", "cols", "wide", x -> Moments.along(x, 0, 0, false, true));
        put("var_mean_rows", "rows", "wide", x -> Joining.stack(List.of(Moments.withMean(x, 1, 1, false, false)), 0));
        put("std_mean_cols", "cols", "wide", x -> Joining.stack(List.of(Moments.withMean(x, 0, 1, false, true)), 0));
        put("prod", "flat", "near_one", Products::prod);
        put("prod_rows", "rows", "near_one", x -> Products.prod(x, 1, false));
        put("cumprod", "flat", "near_one", x -> Products.cumprod(x, 0));
        put("cumprod_rows", "rows", "near_one", x -> Products.cumprod(x, 1));
        put("logsumexp_rows", "rows", "wide", x -> LogSumExp.logsumexp(x, new int[] {1}, false));
        put("logsumexp_cols", "cols", "wide", x -> LogSumExp.logsumexp(x, new int[] {0}, false));
        put("amax_rows", "rows", "ties", x -> ReducedExtremes.extreme(x, new int[] {1}, false, true));
        put("amin_cols", "cols", "ties", x -> ReducedExtremes.extreme(x, new int[] {0}, false, false));
        put("log10", "flat", "positive", Logarithms::log10);
        put("log2", "flat", "positive", Logarithms::log2);
        put("cdist_rows", "rows", "wide", x -> Cdist.cdist(x, Rearranging.flip(x, new long[] {0}), 2));
        put("cdist_1_rows", "rows", "wide", x -> Cdist.cdist(x, Rearranging.flip(x, new long[] {0}), 1));
        put("cross_entropy", "rows", "wide", null);
        put("cross_entropy_sum", "rows", "wide", null);
    }

    private static void put(String name, String shape, String kind, Function<Tensor, Tensor> fn) {
        CASES.put(name, new Case(shape, kind, fn));
    }

    /** One input as make_statistics.py draws it. */
    private static double draw(SplitMix64 rng, String kind) {
        long mode = Long.remainderUnsigned(rng.next(), 10);
        return switch (kind) {
            case "positive" -> mode == 9 ? SPECIAL[(int) Long.remainderUnsigned(rng.next(), SPECIAL.length)]
                    : rng.uniform(1e-3, 50.0);
            case "near_one" -> rng.uniform(-1.5, 1.5);
            case "ties" -> mode < 3 ? Long.remainderUnsigned(rng.next(), 5) - 2.0 : rng.uniform(-8.0, 8.0);
            default -> rng.uniform(-8.0, 8.0);
        };
    }

    private static Shape shape(String kind, int n) {
        return switch (kind) {
            case "rows" -> Shape.of(3, n);
            case "cols" -> Shape.of(n, 3);
            case "fours" -> Shape.of(50, 4);
            case "thirteens" -> Shape.of(50, 13);
            default -> Shape.of(n);
        };
    }

    static List<String> casesAndDtypes() {
        List<String> out = new ArrayList<>();
        for (String name : CASES.keySet()) {
            out.add(name + " float32");
            out.add(name + " float64");
        }
        return out;
    }

    private static Map<Integer, String[]> expected(String caseAndDtype) throws IOException {
        Map<Integer, String[]> expected = new LinkedHashMap<>();
        try (var in = TorchStatisticsTest.class.getResourceAsStream(CapabilityFixture.path(FIXTURE));
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> l.startsWith(caseAndDtype + " ")).forEach(l -> {
                String[] f = l.split(" ");
                expected.put(Integer.parseInt(f[2]), f);
            });
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesAndDtypes")
    void matchesTorchBits(String caseAndDtype) throws IOException {
        String name = caseAndDtype.split(" ")[0];
        DType dtype = caseAndDtype.endsWith("float64") ? DType.FLOAT64 : DType.FLOAT32;
        Map<Integer, String[]> expected = expected(caseAndDtype);
        Case c = CASES.get(name);
        int seed = new ArrayList<>(CASES.keySet()).indexOf(name);
        SplitMix64 rng = new SplitMix64(3000 + seed * 2L + (dtype == DType.FLOAT64 ? 1 : 0));
        List<String> mismatches = new ArrayList<>();
        for (int n : LENGTHS) {
            Shape shape = shape(c.shape, n);
            double[] values = new double[shape.numel()];
            for (int i = 0; i < values.length; i++) {
                values[i] = draw(rng, c.kind);
            }
            Tensor x = Torch.tensor(shape, dtype, dtype.roundAll(values)).requiresGrad_(true);
            Tensor out;
            if (c.fn == null) {
                double[] targets = new double[shape.dim(0)];
                for (int i = 0; i < targets.length; i++) {
                    targets[i] = Long.remainderUnsigned(rng.next(), n);
                }
                Reduction reduction = name.endsWith("sum") ? Reduction.SUM : Reduction.MEAN;
                out = NllLoss.crossEntropy(x, Torch.tensor(Shape.of(targets.length), DType.INT64, targets), reduction,
                        -100);
            } else {
                out = c.fn.apply(x);
            }
            double[] g = new double[out.numel()];
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.uniform(-2.0, 2.0);
            }
            String[] want = expected.get(n);
            TorchActivationsTest.compare(mismatches, n + " out", want[3], out, dtype);
            if (!want[4].equals("-")) {
                out.backward(Torch.tensor(out.shape(), dtype, dtype.roundAll(g)));
                TorchActivationsTest.compare(mismatches, n + " grad", want[4], x.grad(), dtype);
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
