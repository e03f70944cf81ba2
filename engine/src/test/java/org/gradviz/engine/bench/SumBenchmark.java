package org.gradviz.engine.bench;

import java.util.concurrent.TimeUnit;
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
 * {@code sum()}, {@code sum(0)} and {@code sum(1)} of a 1000×1000 float32 tensor (randn), the reductions
 * done in PyTorch's order. Run: {@code mvn -B -q -pl engine -Pbench test-compile exec:exec
 * -Dbench.args="SumBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SumBenchmark {
    private Tensor x;

    @Setup(Level.Trial)
    public void setUp() {
        Torch.manualSeed(0);
        x = Torch.randn(1000, 1000);
    }

    @Benchmark
    public double sumAll() {
        return x.sum().item();
    }

    @Benchmark
    public double sumDim0() {
        return x.sum(0, false).data()[0];
    }

    @Benchmark
    public double sumDim1() {
        return x.sum(1, false).data()[0];
    }
}
