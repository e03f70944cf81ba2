package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backward through a chain of 100,000 multiplications (graphs that deep are legal): the engine's walks (the
 * dependency count, the ready queue) are loops, so the pass runs on a fresh thread with the JVM's default stack,
 * smaller than the main thread's, and reports every node.
 */
class DeepGraphBackwardTest {
    private static final int LENGTH = 100_000;

    @Test
    void aChainOfAHundredThousandMultiplicationsRunsBackwardToItsLeaf() {
        int[] started = new int[1];
        AutogradListener counter = new AutogradListener() {
            @Override
            public void nodeStarted(Node node, List<Tensor> gradOutputs) {
                started[0]++;
            }
        };
        Tensor x = Torch.scalar(3.0, DType.FLOAT64).requiresGrad_(true);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // x * 2 * 0.5 * 2 * 0.5 ...: every factor exact, so y = x and dy/dx = (2 * 0.5)^50,000 = 1 exactly;
            // a node skipped or run twice leaves a 2 or a 0.5 in it
            Tensor y = x;
            for (int i = 0; i < LENGTH; i++) {
                y = y.mul(i % 2 == 0 ? 2.0 : 0.5);
            }
            assertEquals(3.0, y.item());
            Autograd.addListener(counter);
            try {
                y.backward();
            } finally {
                Autograd.removeListener(counter);
            }
        });

        assertEquals(1.0, x.gradOrNull().item());
        assertEquals(LENGTH + 1, started[0], "every MulBackward0 and the AccumulateGrad of x");
    }
}
