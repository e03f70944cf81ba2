package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events the app animates come in the engine's real order, PyTorch's ready-queue order. */
class BackwardEventsTest {
    private final List<String> events = new ArrayList<>();
    private final AutogradListener recorder = new AutogradListener() {
        @Override
        public void opExecuted(String op, List<Tensor> inputs, Tensor output, Node node) {
            events.add("op " + op + (node == null ? "" : " -> " + node.name()));
        }

        @Override
        public void backwardStarted(Tensor root, Tensor seed) {
            events.add("backward " + seed.item());
        }

        @Override
        public void nodeStarted(Node node, List<Tensor> gradOutputs) {
            events.add("start " + name(node));
        }

        @Override
        public void gradientSent(Node from, int inputIndex, Edge to, Tensor gradient) {
            events.add("send " + name(from) + " -> " + name(to.function()));
        }

        @Override
        public void gradientAccumulated(Tensor leaf, Tensor before, Tensor after) {
            events.add("accumulate " + (before == null ? "null" : "grad") + " -> " + after.shape().listText());
        }

        @Override
        public void backwardFinished(Tensor root, RuntimeException error) {
            events.add("finished");
        }
    };

    private static String name(Node node) {
        return node instanceof AccumulateGrad acc ? "Acc" + acc.variable().shape().listText() : node.name();
    }

    @BeforeEach
    void listen() {
        Autograd.addListener(recorder);
    }

    @AfterEach
    void stop() {
        Autograd.removeListener(recorder);
    }

    @Test
    void seedNetworkReportsForwardOpsAndBackwardInEngineOrder() {
        Tensor x = Torch.ones(5);
        Tensor y = Torch.zeros(3);
        Tensor w = Torch.ones(5, 3).requiresGrad_(true);
        Tensor b = Torch.zeros(3).requiresGrad_(true);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(x.matmul(w).add(b), y, Reduction.MEAN);
        loss.backward();
        assertEquals(List.of(
                "op unsqueeze",
                "op mm -> MmBackward0",
                "op squeeze -> SqueezeBackward3",
                "op add -> AddBackward0",
                "op binary_cross_entropy_with_logits -> BinaryCrossEntropyWithLogitsBackward0",
                "backward 1.0",
                "start BinaryCrossEntropyWithLogitsBackward0",
                "send BinaryCrossEntropyWithLogitsBackward0 -> AddBackward0",
                "start AddBackward0",
                "send AddBackward0 -> SqueezeBackward3",
                "send AddBackward0 -> Acc[3]",
                // AccumulateGrad runs as soon as it is ready (highest priority in PyTorch's queue)
                "start Acc[3]",
                "accumulate null -> [3]",
                "start SqueezeBackward3",
                "send SqueezeBackward3 -> MmBackward0",
                "start MmBackward0",
                "send MmBackward0 -> Acc[5, 3]",
                "start Acc[5, 3]",
                "accumulate null -> [5, 3]",
                "finished"), events);
    }

    @Test
    void chainRulesWrittenWithOpsReportTheirNodesNotTheOpsInside() {
        // PowBackward0 is grad * (4 * x^3) and select's backward is torch's select_backward op: in a plain backward
        // those are the backward's arithmetic, not ops of the program
        Tensor x = Torch.tensor(Shape.of(3), DType.FLOAT32, new double[] {1, 2, 3}).requiresGrad_(true);
        Tensor y = org.gradviz.engine.ops.Indexing.select(org.gradviz.engine.ops.Arithmetic.pow(x, 4), 1);
        events.clear();
        y.backward();
        assertEquals(List.of(
                "backward 1.0",
                "start SelectBackward0",
                "send SelectBackward0 -> PowBackward0",
                "start PowBackward0",
                "send PowBackward0 -> Acc[3]",
                "start Acc[3]",
                "accumulate null -> [3]",
                "finished"), events);
        assertArrayEquals(new double[] {0, 32, 0}, x.grad().data(), "d(x^4)/dx = 4x^3 at x = 2 only");
    }

    @Test
    void accumulationReportsTheGradientBeforeAndAfter() {
        Tensor x = Torch.tensor(Shape.of(1), DType.FLOAT64, new double[] {2}).requiresGrad_(true);
        List<double[]> befores = new ArrayList<>();
        AutogradListener l = new AutogradListener() {
            @Override
            public void gradientAccumulated(Tensor leaf, Tensor before, Tensor after) {
                befores.add(before == null ? null : before.data().clone());
                befores.add(after.data().clone());
            }
        };
        Autograd.addListener(l);
        try {
            x.mul(3.0).sum().backward();
            x.mul(3.0).sum().backward();
        } finally {
            Autograd.removeListener(l);
        }
        assertNull(befores.get(0));
        assertArrayEquals(new double[] {3}, befores.get(1));
        assertArrayEquals(new double[] {3}, befores.get(2));
        assertArrayEquals(new double[] {6}, befores.get(3));
    }
}
