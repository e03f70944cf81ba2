package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;

/**
 * Reusing finished gradients' arrays changes no number a program can see: random chains of the ops whose nodes hand
 * gradients on (mm, add, sub, mul, t, relu, tanh, sigmoid, the two losses), with gradients kept by hooks and
 * {@code retain_grad} at random places, give the same leaf gradients and the same kept gradients as the same chain
 * run while a listener hears the pass (which turns the reuse off), also after more steps have taken the spares.
 */
class FinishedGradientsProperties {
    private static final int ROWS = 64;
    private static final int COLS = 8;

    /** What one run leaves: the leaves' gradients and the kept ones, as copies taken after all its steps. */
    private record Seen(List<float[]> leafGrads, List<float[]> kept) {
    }

    @Property(tries = 150, seed = "20261201")
    void reuseChangesNoVisibleNumber(@ForAll long programSeed) {
        Seen reusing = run(programSeed);
        AutogradListener listener = new AutogradListener() {
        };
        Autograd.addListener(listener);
        Seen fresh;
        try {
            fresh = run(programSeed);
        } finally {
            Autograd.removeListener(listener);
        }
        assertEquals(fresh.kept().size(), reusing.kept().size());
        for (int i = 0; i < fresh.leafGrads().size(); i++) {
            assertArrayEquals(fresh.leafGrads().get(i), reusing.leafGrads().get(i), "leaf " + i);
        }
        for (int i = 0; i < fresh.kept().size(); i++) {
            assertArrayEquals(fresh.kept().get(i), reusing.kept().get(i), "kept gradient " + i);
        }
    }

    private static Seen run(long programSeed) {
        Random program = new Random(programSeed);
        Torch.manualSeed(programSeed);
        Tensor x = Torch.randn(ROWS, COLS);
        Tensor w = Torch.randn(COLS, COLS).requiresGrad_(true);
        Tensor b = Torch.randn(COLS).requiresGrad_(true);
        Tensor target = Torch.rand(ROWS, COLS);
        List<Tensor> keptTensors = new ArrayList<>();
        List<Tensor> retained = new ArrayList<>();
        int steps = 1 + program.nextInt(4);
        for (int step = 0; step < steps; step++) {
            Tensor h = x.matmul(w).add(b);
            int ops = program.nextInt(6);
            for (int i = 0; i < ops; i++) {
                h = op(program.nextInt(9), h, x, w, b);
                switch (program.nextInt(5)) {
                    case 0 -> h.registerHook(g -> {
                        keptTensors.add(g);
                        return null;
                    });
                    case 1 -> {
                        h.retainGrad();
                        retained.add(h);
                    }
                    default -> {
                    }
                }
            }
            Tensor loss = program.nextBoolean() ? Losses.mseLoss(h, target, Reduction.MEAN)
                    : Losses.binaryCrossEntropyWithLogits(h, target, Reduction.MEAN);
            loss.backward();
            // more results of the same size, which take whatever spares the pass left
            x.matmul(w.detach()).add(b.detach()).mul(2.0).sigmoid();
        }
        List<float[]> kept = new ArrayList<>();
        for (Tensor t : keptTensors) {
            kept.add(t.floats().clone());
        }
        for (Tensor t : retained) {
            kept.add(t.grad().floats().clone());
        }
        return new Seen(List.of(w.grad().floats().clone(), b.grad().floats().clone()), kept);
    }

    private static Tensor op(int which, Tensor h, Tensor x, Tensor w, Tensor b) {
        return switch (which) {
            case 0 -> h.matmul(w);
            case 1 -> h.add(b);
            case 2 -> h.sub(x);
            case 3 -> h.mul(h.detach());
            case 4 -> h.t().t();
            case 5 -> h.relu();
            case 6 -> h.tanh();
            case 7 -> h.sigmoid();
            default -> h.add(h);
        };
    }
}
