package org.gradviz.engine.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gradviz.engine.kernels.BceWithLogitsFloat;
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
 * The two kernels of {@code binary_cross_entropy_with_logits} on the batch-1024 step's 3,072 logits (randn · 2,
 * targets 0): the element-wise loss into a reused array, and the input's gradient. They are most of that step's
 * time ({@link TrainingStepBenchmark}). Run: {@code mvn -B -q -pl engine -Pbench test-compile exec:exec
 * -Dbench.args="BceKernelBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BceKernelBenchmark {
    private final float[] x = new float[3072];
    private final float[] t = new float[3072];
    private final float[] r = new float[3072];

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(0);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 2);
        }
    }

    @Benchmark
    public float[] loss() {
        return BceWithLogitsFloat.loss(x, t, r);
    }

    @Benchmark
    public float[] inputGrad() {
        return BceWithLogitsFloat.inputGrad(x, t, 1f, true, 3072f);
    }
}
