package org.gradviz.engine.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.gradviz.engine.optim.SGD;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step = zero_grad + forward + backward + SGD update, float32, one thread, on the three
 * networks whose PyTorch 1.13 times are the anchors (seed net ~250-300 µs, batch 1024 ~320 µs,
 * MLP 256×512×512 ~7 ms). Run: {@code mvn -B -q -pl engine -Pbench test-compile exec:exec}, which forks the JVM with
 * the launcher's options (the Vector API module; {@code -Dbench.jvm=} for plain {@code java -jar} options).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingStepBenchmark {

    /** The seed network: x = ones(5), w 5×3, b 3, BCE with logits against zeros(3). */
    @State(Scope.Thread)
    public static class SeedNet {
        Tensor x;
        Tensor y;
        Tensor w;
        Tensor b;
        SGD sgd;

        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(0);
            x = Torch.ones(5);
            y = Torch.zeros(3);
            w = Torch.randn(5, 3).requiresGrad_(true);
            b = Torch.randn(3).requiresGrad_(true);
            sgd = new SGD(List.of(w, b), 0.1);
        }
    }

    /** The same layer on a batch: x(1024, 5). */
    @State(Scope.Thread)
    public static class Batch extends SeedNet {
        @Override
        @Setup(Level.Trial)
        public void setUp() {
            super.setUp();
            x = Torch.randn(1024, 5);
            y = Torch.zeros(1024, 3);
        }
    }

    /** x(256, 512) @ (512, 512) + b → relu → @ (512, 10) + b → BCE with logits. */
    @State(Scope.Thread)
    public static class Mlp {
        Tensor x;
        Tensor y;
        Tensor w1;
        Tensor b1;
        Tensor w2;
        Tensor b2;
        SGD sgd;

        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(0);
            x = Torch.randn(256, 512);
            y = Torch.zeros(256, 10);
            w1 = Torch.randn(512, 512).mul(0.04).requiresGrad_(true);
            b1 = Torch.zeros(512).requiresGrad_(true);
            w2 = Torch.randn(512, 10).mul(0.04).requiresGrad_(true);
            b2 = Torch.zeros(10).requiresGrad_(true);
            sgd = new SGD(List.of(w1, b1, w2, b2), 0.01);
        }
    }

    private static double step(SeedNet n) {
        n.sgd.zeroGrad();
        Tensor z = LinearAlgebra.matmul(n.x, n.w).add(n.b);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(z, n.y, Reduction.MEAN);
        loss.backward();
        n.sgd.step();
        return loss.item();
    }

    @Benchmark
    public double seedNetStep(SeedNet n) {
        return step(n);
    }

    @Benchmark
    public double batch1024Step(Batch n) {
        return step(n);
    }

    @Benchmark
    public double mlpStep(Mlp n) {
        n.sgd.zeroGrad();
        Tensor h = LinearAlgebra.matmul(n.x, n.w1).add(n.b1).relu();
        Tensor z = LinearAlgebra.matmul(h, n.w2).add(n.b2);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(z, n.y, Reduction.MEAN);
        loss.backward();
        n.sgd.step();
        return loss.item();
    }
}
