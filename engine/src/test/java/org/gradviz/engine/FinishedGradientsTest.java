package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.gradviz.engine.optim.SGD;
import org.junit.jupiter.api.Test;

/**
 * A backward pass gives the arrays of the gradients it alone held to the next results of their size on the thread
 * ({@link FinishedGradients}, {@link SpareFloats}), and never one that anything can still read: a hook's, a retained
 * {@code .grad}, {@code autograd.grad}'s result, the caller's seed, or any gradient while a listener hears the pass or
 * under {@code create_graph}. Each case runs on a thread of its own, whose spares start empty.
 */
class FinishedGradientsTest {
    private static final int BATCH = 1024;
    private static final int LOGITS = BATCH * 3;

    /** The batch step's layer: z = x·w + b, BCE with logits against zeros. */
    private static final class Layer {
        final Tensor x;
        final Tensor w;
        final Tensor b;
        Tensor z;

        Layer() {
            Torch.manualSeed(0);
            x = Torch.randn(BATCH, 5);
            w = Torch.randn(5, 3).requiresGrad_(true);
            b = Torch.randn(3).requiresGrad_(true);
        }

        Tensor loss() {
            z = x.matmul(w).add(b);
            return Losses.binaryCrossEntropyWithLogits(z, Torch.zeros(BATCH, 3), Reduction.MEAN);
        }
    }

    private static void onFreshThread(Runnable test) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                test.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() instanceof AssertionError e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theLossGradientsArrayBecomesTheNextResultOfItsSize() throws InterruptedException {
        onFreshThread(() -> {
            Layer retained = new Layer();
            Tensor lossRetained = retained.loss();
            retained.z.retainGrad();
            lossRetained.backward();
            float[] expected = retained.z.grad().floats().clone();
            // by hand: d mean(BCE(z, 0)) / dz = sigmoid(z) / n
            float z0 = retained.z.floats()[0];
            assertEquals(1 / (1 + Math.exp(-z0)) / LOGITS, expected[0], 1e-9);

            Layer layer = new Layer();
            layer.loss().backward();
            float[] spare = SpareFloats.forOverwrite(LOGITS);
            assertArrayEquals(expected, spare, "the spare is the finished gradient of z, as it was left");
            assertEquals(true, allZero(SpareFloats.forOverwrite(LOGITS)), "only that one array was finished with");
        });
    }

    @Test
    void theNextStepsProductTakesTheFinishedGradientAndStepsStayTheSame() throws InterruptedException {
        onFreshThread(() -> {
            Layer plain = new Layer();
            Layer recycled = new Layer();
            SGD plainSgd = new SGD(List.of(plain.w, plain.b), 0.1);
            SGD recycledSgd = new SGD(List.of(recycled.w, recycled.b), 0.1);
            List<Float> plainLosses = new ArrayList<>();
            List<Float> recycledLosses = new ArrayList<>();
            for (int step = 0; step < 5; step++) {
                // the first layer's gradients escape (a hook sees them), so its steps use fresh arrays only
                Tensor lossPlain = plain.loss();
                plain.z.registerHook(g -> null);
                lossPlain.backward();
                plainLosses.add(lossPlain.floats()[0]);
                Tensor loss = recycled.loss();
                loss.backward();
                recycledLosses.add(loss.floats()[0]);
                assertArrayEquals(plain.w.grad().floats(), recycled.w.grad().floats());
                assertArrayEquals(plain.b.grad().floats(), recycled.b.grad().floats());
                plainSgd.step();
                plainSgd.zeroGrad();
                recycledSgd.step();
                recycledSgd.zeroGrad();
            }
            assertEquals(plainLosses, recycledLosses);
        });
    }

    @Test
    void aGradientAHookKeptIsNeverReused() throws InterruptedException {
        onFreshThread(() -> {
            Layer layer = new Layer();
            Tensor loss = layer.loss();
            List<Tensor> kept = new ArrayList<>();
            layer.z.registerHook(g -> {
                kept.add(g);
                return null;
            });
            loss.backward();
            float[] asSeen = kept.get(0).floats().clone();
            Tensor next = layer.x.matmul(layer.w.detach()).add(1.0);
            assertNotSame(kept.get(0).floats(), next.floats());
            assertArrayEquals(asSeen, kept.get(0).floats());
            assertEquals(true, allZero(SpareFloats.forOverwrite(LOGITS)));
        });
    }

    /** retain_grad copies the gradient today; this holds if it ever keeps the engine's array instead. */
    @Test
    void aRetainedGradIsNeverReused() throws InterruptedException {
        onFreshThread(() -> {
            Layer layer = new Layer();
            Tensor loss = layer.loss();
            Tensor z = layer.z;
            z.retainGrad();
            loss.backward();
            float[] asSeen = z.grad().floats().clone();
            layer.loss().backward();
            assertArrayEquals(asSeen, z.grad().floats());
        });
    }

    @Test
    void whatAutogradGradReturnsIsNeverReused() throws InterruptedException {
        onFreshThread(() -> {
            Layer layer = new Layer();
            Tensor loss = layer.loss();
            List<Tensor> none = new ArrayList<>();
            none.add(null);
            // w's gradient needs z's node to run on the gradient returned for z
            Tensor dz = Gradients.grad(List.of(loss), none, List.of(layer.z, layer.w), false, false, false)[0];
            float[] asSeen = dz.floats().clone();
            layer.loss().backward();
            layer.x.matmul(layer.w.detach()).add(1.0);
            assertArrayEquals(asSeen, dz.floats());
        });
    }

    @Test
    void theCallersSeedIsNeverReusedEvenWhenPassedOn() throws InterruptedException {
        onFreshThread(() -> {
            Tensor a = Torch.randn(BATCH, 3).requiresGrad_(true);
            Tensor c = Torch.randn(BATCH, 3).requiresGrad_(true);
            Tensor seed = Torch.full(Shape.of(BATCH, 3), 0.5, DType.FLOAT32);
            a.add(c).backward(seed);
            assertEquals(true, allZero(SpareFloats.forOverwrite(LOGITS)));
            a.detach().add(c.detach());
            for (float v : seed.floats()) {
                assertEquals(0.5f, v);
            }
        });
    }

    @Test
    void nothingIsReusedWhileAListenerHearsThePass() throws InterruptedException {
        onFreshThread(() -> {
            AutogradListener listener = new AutogradListener() {
            };
            Autograd.addListener(listener);
            try {
                new Layer().loss().backward();
            } finally {
                Autograd.removeListener(listener);
            }
            assertEquals(true, allZero(SpareFloats.forOverwrite(LOGITS)));
        });
    }

    @Test
    void nothingIsReusedUnderCreateGraph() throws InterruptedException {
        onFreshThread(() -> {
            Tensor loss = new Layer().loss();
            Gradients.backward(List.of(loss), java.util.Arrays.asList((Tensor) null), false, true);
            assertEquals(true, allZero(SpareFloats.forOverwrite(LOGITS)));
        });
    }
}
