package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op that takes its result array from {@link SpareFloats} writes all of it: with a spare full of NaN waiting, each
 * path of the matrix product (rows spread in vectors, narrow rows, tall and narrow, tiles with column remainders), of
 * the broadcast binary ops (scalar either side, same shape, a trailing row, any broadcast), of the pointwise map and of
 * the BCE gradient gives the bits it gives on a fresh array, and the spare was used.
 */
class SpareFloatsOverwriteTest {

    static Stream<Arguments> ops() {
        Torch.manualSeed(7);
        Tensor a = Torch.randn(300, 5);
        Tensor w = Torch.randn(5, 3);
        Tensor wide = Torch.randn(5, 40);
        Tensor tallLeft = Torch.randn(520, 24);
        Tensor tallRight = Torch.randn(24, 3);
        Tensor square = Torch.randn(37, 29);
        Tensor squareRight = Torch.randn(29, 45);
        Tensor row = Torch.randn(3);
        Tensor grid = Torch.randn(300, 3);
        Tensor column = Torch.randn(300, 1);
        Tensor target = Torch.rand(300, 3);
        Tensor logits = Torch.randn(300, 3).requiresGrad_(true);
        return Stream.of(
                Arguments.of("mm, rows spread in vectors (300x5 @ 5x3)", (Supplier<Tensor>) () -> a.matmul(w)),
                Arguments.of("mm, narrow rows (300x5 @ 5x40)", (Supplier<Tensor>) () -> a.matmul(wide)),
                Arguments.of("mm, tall and narrow (520x24 @ 24x3)", (Supplier<Tensor>) () -> tallLeft.matmul(tallRight)),
                Arguments.of("mm, tiles and remainders (37x29 @ 29x45)",
                        (Supplier<Tensor>) () -> square.matmul(squareRight)),
                Arguments.of("add a scalar", (Supplier<Tensor>) () -> grid.add(1.5)),
                Arguments.of("scalar minus", (Supplier<Tensor>) () -> grid.rsub(2.0)),
                Arguments.of("mul same shape", (Supplier<Tensor>) () -> grid.mul(target)),
                Arguments.of("add a trailing row", (Supplier<Tensor>) () -> grid.add(row)),
                Arguments.of("a trailing row minus", (Supplier<Tensor>) () -> row.sub(grid)),
                Arguments.of("broadcast a column", (Supplier<Tensor>) () -> grid.mul(column)),
                Arguments.of("relu", (Supplier<Tensor>) () -> grid.relu()),
                Arguments.of("BCE gradient", (Supplier<Tensor>) () -> {
                    Tensor loss = Losses.binaryCrossEntropyWithLogits(logits, target, Reduction.MEAN);
                    AtomicReference<Tensor> seen = new AtomicReference<>();
                    logits.registerHook(g -> {
                        seen.set(g);
                        return null;
                    });
                    loss.backward();
                    return seen.get();
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void aSpareFullOfNaNIsOverwrittenWhole(String name, Supplier<Tensor> op) throws InterruptedException {
        AtomicReference<AssertionError> failure = new AtomicReference<>();
        // a thread of its own, whose spares start empty
        Thread thread = new Thread(() -> {
            try {
                float[] fresh = op.get().floats().clone();
                float[] nan = new float[fresh.length];
                Arrays.fill(nan, Float.NaN);
                SpareFloats.give(nan);
                Tensor fromSpare = op.get();
                assertArrayEquals(fresh, fromSpare.floats(), name);
                float[] after = SpareFloats.forOverwrite(fresh.length);
                assertEquals(List.of(), nanIndices(after), "the NaN spare was taken by the op, not left");
            } catch (AssertionError e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static List<Integer> nanIndices(float[] values) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> Float.isNaN(values[i])).boxed().limit(3)
                .toList();
    }
}
