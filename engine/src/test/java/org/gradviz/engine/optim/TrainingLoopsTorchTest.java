package org.gradviz.engine.optim;

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
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Conversion;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Short training loops of the tutorial kind give torch 1.13's bits at every {@code loss.item()} and in the final
 * parameters, in float32 and float64: the seed layer on a batch of 1024 (matmul, BCE with logits, SGD with momentum and
 * weight decay), a tanh/sigmoid network with mse_loss and Adam, and sin/cos/exp/log with AdamW. Surefire runs this
 * with the Vector API, without it (its plain-kernels execution) against the same fixture, and with
 * {@code ATEN_CPU_CAPABILITY=default} (its default-capability execution) against {@code training_default.txt}, made by
 * torch started with that variable.
 *
 * <p>Fixture: {@code fixtures/training/training.txt} from {@code make_training_loops.py} (real torch, one thread); the
 * inputs are drawn from torch's generator, which the engine reproduces.
 */
class TrainingLoopsTorchTest {
    private static final int STEPS = 40;

    /** One training loop: a step returns its loss; the parameters it trains. */
    private record Loop(Supplier<Tensor> step, List<Tensor> params) {
    }

    private static Tensor leaf(Tensor t, DType dtype) {
        return Conversion.to(t, dtype).requiresGrad_(true);
    }

    /** Drawn in float64 as the script does (float32 randn of 16 or more is a capability-dependent kernel). */
    private static Tensor randn(int... dims) {
        return Torch.randn(DType.FLOAT64, dims);
    }

    private static Tensor rand(int... dims) {
        return Torch.rand(DType.FLOAT64, dims);
    }

    private static Loop seedBatch(DType dt) {
        Torch.manualSeed(0);
        Tensor x = Conversion.to(randn(1024, 5), dt);
        Tensor y = Conversion.to(rand(1024, 3), dt);
        Tensor w = leaf(randn(5, 3), dt);
        Tensor b = leaf(randn(3), dt);
        SGD opt = new SGD(List.of(w, b), 0.1, 0.9, 0, 1e-3, false, false);
        return new Loop(() -> {
            opt.zeroGrad();
            Tensor loss = Losses.binaryCrossEntropyWithLogits(LinearAlgebra.matmul(x, w).add(b), y, Reduction.MEAN);
            loss.backward();
            opt.step();
            return loss;
        }, List.of(w, b));
    }

    private static Loop tanhSigmoidAdam(DType dt) {
        Torch.manualSeed(1);
        Tensor x = Conversion.to(randn(100, 7), dt);
        Tensor y = Conversion.to(rand(100, 2), dt);
        Tensor w1 = leaf(randn(7, 33).mul(0.3), dt);
        Tensor b1 = leaf(Torch.zeros(33), dt);
        Tensor w2 = leaf(randn(33, 2).mul(0.3), dt);
        Tensor b2 = leaf(Torch.zeros(2), dt);
        Adam opt = new Adam(List.of(w1, b1, w2, b2), 0.01, 0.9, 0.999, 1e-8, 0, false);
        return new Loop(() -> {
            opt.zeroGrad();
            Tensor h = Pointwise.tanh(LinearAlgebra.matmul(x, w1).add(b1));
            Tensor loss = Losses.mseLoss(Pointwise.sigmoid(LinearAlgebra.matmul(h, w2).add(b2)), y, Reduction.MEAN);
            loss.backward();
            opt.step();
            return loss;
        }, List.of(w1, b1, w2, b2));
    }

    private static Loop expLogSinAdamW(DType dt) {
        Torch.manualSeed(2);
        Tensor x = Conversion.to(randn(64, 9), dt);
        Tensor w = leaf(randn(9, 17).mul(0.2), dt);
        Tensor v = leaf(randn(17).mul(0.2), dt);
        Adam opt = Adam.adamW(List.of(w, v), 0.02, 0.9, 0.999, 1e-8, 0.05, false);
        return new Loop(() -> {
            opt.zeroGrad();
            // NOTE: x @ w twice, as the script: w's gradient is then the sum of two products, not one
            Tensor z = Pointwise.sin(LinearAlgebra.matmul(x, w))
                    .add(Pointwise.cos(LinearAlgebra.matmul(x, w)).mul(0.5));
            Tensor e = Pointwise.log(Pointwise.exp(z.mul(v)).add(1.0));
            Tensor loss = e.mul(e).mean();
            loss.backward();
            opt.step();
            return loss;
        }, List.of(w, v));
    }

    private static List<String[]> fixture(String name, String dtype) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (var in = TrainingLoopsTorchTest.class.getResourceAsStream(
                CapabilityFixture.path("/fixtures/training/training.txt"));
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ");
                if (f[0].equals(name) && f[1].equals(dtype)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Each element's IEEE bits in its dtype, as the fixture writes them. */
    private static List<String> hexes(Tensor t) {
        List<String> out = new ArrayList<>();
        if (t.dtype() == DType.FLOAT32) {
            for (float f : t.floats()) {
                out.add(String.format("%08x", Float.floatToRawIntBits(f)));
            }
        } else {
            for (double d : t.data()) {
                out.add(String.format("%016x", Double.doubleToRawLongBits(d)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"seed_batch, float32", "seed_batch, float64", "tanh_sigmoid_adam, float32",
        "tanh_sigmoid_adam, float64", "exp_log_sin_adamw, float32", "exp_log_sin_adamw, float64"})
    void everyLossAndTheFinalParametersAreTorchsBits(String name, String dtypeName) throws IOException {
        DType dt = dtypeName.equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        Loop loop = switch (name) {
            case "seed_batch" -> seedBatch(dt);
            case "tanh_sigmoid_adam" -> tanhSigmoidAdam(dt);
            default -> expLogSinAdamW(dt);
        };
        List<String[]> expected = fixture(name, dtypeName);
        assertEquals(STEPS + loop.params().size(), expected.size(), "fixture lines");
        for (int s = 0; s < STEPS; s++) {
            String[] e = expected.get(s);
            Tensor loss = loop.step().get();
            assertEquals(e[4], hexes(loss).get(0), name + " " + dtypeName + " loss at step " + s + ": "
                    + loss.item());
        }
        for (int i = 0; i < loop.params().size(); i++) {
            String[] e = expected.get(STEPS + i);
            assertEquals(List.of(e).subList(4, e.length), hexes(loop.params().get(i)), "parameter " + i);
        }
    }
}
