package org.gradviz.engine.bench;

import java.util.concurrent.TimeUnit;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
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
 * {@code sin} and {@code exp} of 10^6 float32 values (randn · 4): the engine's kernels (SLEEF's
 * algorithms, torch's bits) against the former way ({@code Math.sin}/{@code Math.exp} in double, rounded
 * to float), both wrapped in a tensor. Run: {@code mvn -B -q -pl engine -Pbench test-compile exec:exec
 * -Dbench.args="TranscendentalBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TranscendentalBenchmark {
    private Tensor x;

    @Setup(Level.Trial)
    public void setUp() {
        Torch.manualSeed(0);
        x = Torch.randn(1000, 1000).mul(4.0);
    }

    private Tensor correctlyRounded(java.util.function.DoubleUnaryOperator f) {
        double[] v = x.data();
        double[] r = new double[v.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(v[i]);
        }
        return Tensor.fromData(x.shape(), DType.FLOAT32, r);
    }

    @Benchmark
    public Tensor sinTorchBits() {
        return x.sin();
    }

    @Benchmark
    public Tensor sinMathRounded() {
        return correctlyRounded(Math::sin);
    }

    @Benchmark
    public Tensor expTorchBits() {
        return x.exp();
    }

    @Benchmark
    public Tensor expMathRounded() {
        return correctlyRounded(Math::exp);
    }
}
