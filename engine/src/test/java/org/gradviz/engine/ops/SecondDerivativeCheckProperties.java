package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradviz.engine.DType;
import org.gradviz.engine.Gradients;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.GradientCheckProperties.Domain;
import org.gradviz.engine.ops.GradientCheckProperties.OpCase;

/**
 * {@code create_graph=True}, checked by finite differences in float64: for L = Σ r·f(x) and the first derivative
 * g = dL/dx computed with a graph, G = Σ s·g; the engine's dG/dx (a second derivative, through the recorded chain
 * rules) must equal the central difference (G(x+h) - G(x-h)) / 2h, and g itself must equal the plain backward's.
 * The movement ops ({@link Views}) also get the first-order check here.
 */
class SecondDerivativeCheckProperties {
    private static final double H = 1e-5;

    /**
     * The cases whose chain rule gradviz does not record under create_graph (refused with a clear message): BCE's
     * gradient for its target, cumprod's, amax's, amin's and hardtanh's. BCE for its input alone is checked below.
     */
    private static final Set<String> NOT_DIFFERENTIABLE = Set.of("bce mean", "bce sum", "bce none", "cumprod",
            "amax dims", "amin", "hardtanh", "relu6");

    @Provide
    Arbitrary<OpCase> ops() {
        List<OpCase> c = new ArrayList<>();
        for (OpCase op : GradientCheckProperties.cases()) {
            if (!NOT_DIFFERENTIABLE.contains(op.name())) {
                c.add(op);
            }
        }
        c.addAll(viewCases());
        c.addAll(ShapeOpsGradientCheckProperties.joinExtremeAndIndexCases());
        c.addAll(RearrangingGradientCheckProperties.cases());
        for (Reduction red : Reduction.values()) {
            c.add(new OpCase("bce input " + red.pythonName(), t -> Losses.binaryCrossEntropy(t[0],
                    constantTarget(t[0].shape()), red),
                    r -> new Shape[] {GradientCheckProperties.randomShape(r, 0)}, Domain.PROBABILITY));
        }
        return Arbitraries.of(c);
    }

    static List<OpCase> viewCases() {
        List<OpCase> c = new ArrayList<>();
        c.add(new OpCase("view", t -> Views.view(t[0].mul(t[0]), Shape.of(2, 3)), r -> new Shape[] {Shape.of(6)},
                Domain.ANY));
        c.add(new OpCase("reshape -1", t -> Views.reshape(t[0].sin(), Views.inferSize(new long[] {-1, 2}, 6)),
                r -> new Shape[] {Shape.of(3, 2)}, Domain.ANY));
        c.add(new OpCase("flatten", t -> Views.flatten(t[0].exp(), 0, -1), r -> new Shape[] {Shape.of(2, 1, 3)},
                Domain.ANY));
        c.add(new OpCase("squeeze", t -> Views.squeeze(t[0].pow(3)), r -> new Shape[] {Shape.of(1, 3, 1)},
                Domain.ANY));
        c.add(new OpCase("squeeze dim", t -> Views.squeeze(t[0].pow(3), 0), r -> new Shape[] {Shape.of(1, 3, 1)},
                Domain.ANY));
        c.add(new OpCase("expand", t -> Views.expand(t[0].mul(t[0]), new long[] {2, -1, 3}),
                r -> new Shape[] {Shape.of(4, 1)}, Domain.ANY));
        c.add(new OpCase("permute", t -> Views.permute(t[0].cos(), new long[] {2, 0, 1}),
                r -> new Shape[] {Shape.of(2, 3, 4)}, Domain.ANY));
        return c;
    }

    /** Targets 0, 1/3, 2/3, 1, 0, ... that do not move with the input. */
    private static Tensor constantTarget(Shape shape) {
        double[] v = new double[shape.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 4) / 3.0;
        }
        return Torch.tensor(shape, DType.FLOAT64, v);
    }

    @Property(tries = 600)
    void secondDerivativeMatchesFiniteDifferences(@ForAll("ops") OpCase op, @ForAll long seed) {
        Random r = new Random(seed);
        Shape[] shapes = op.shapes().apply(r);
        double[][] values = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            values[i] = new double[shapes[i].numel()];
            for (int k = 0; k < values[i].length; k++) {
                values[i][k] = GradientCheckProperties.draw(r, op.domain());
            }
        }
        Tensor probe = op.f().apply(leaves(shapes, values));
        Tensor rWeights = Torch.tensor(probe.shape(), DType.FLOAT64, random(r, probe.numel()));
        double[][] sWeights = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            sWeights[i] = random(r, shapes[i].numel());
        }

        Tensor[] inputs = leaves(shapes, values);
        Tensor[] g = Gradients.grad(List.of(op.f().apply(inputs).mul(rWeights).sum()), nulls(1), List.of(inputs),
                true, true, true);
        Tensor[] plain = firstDerivative(op, shapes, values, rWeights);
        Tensor bigG = Torch.scalar(0.0, DType.FLOAT64);
        for (int i = 0; i < inputs.length; i++) {
            assertArrayEquals(plain[i].data(), g[i].data(), 0.0, op + ": create_graph gradient of input " + i);
            bigG = bigG.add(g[i].mul(Torch.tensor(shapes[i], DType.FLOAT64, sWeights[i])).sum());
        }
        Tensor[] second = bigG.requiresGrad()
                ? Gradients.grad(List.of(bigG), nulls(1), List.of(inputs), false, false, true)
                : new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            for (int k = 0; k < values[i].length; k++) {
                double saved = values[i][k];
                values[i][k] = saved + H;
                double plus = weighted(firstDerivative(op, shapes, values, rWeights), sWeights);
                values[i][k] = saved - H;
                double minus = weighted(firstDerivative(op, shapes, values, rWeights), sWeights);
                values[i][k] = saved;
                double numeric = (plus - minus) / (2 * H);
                double analytic = second[i] == null ? 0.0 : second[i].data()[k];
                if (Math.abs(numeric - analytic) > 1e-4 + 1e-4 * Math.abs(numeric)) {
                    fail(op + " input " + i + " " + shapes[i] + " element " + k + ": second derivative " + analytic
                            + " vs finite difference " + numeric);
                }
            }
        }
    }

    /** dL/dx by a plain backward (no graph). */
    private static Tensor[] firstDerivative(OpCase op, Shape[] shapes, double[][] values, Tensor rWeights) {
        Tensor[] inputs = leaves(shapes, values);
        op.f().apply(inputs).mul(rWeights).sum().backward();
        Tensor[] grads = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            grads[i] = inputs[i].grad() == null ? Torch.full(shapes[i], 0.0, DType.FLOAT64) : inputs[i].grad();
        }
        return grads;
    }

    private static double weighted(Tensor[] grads, double[][] weights) {
        double s = 0;
        for (int i = 0; i < grads.length; i++) {
            for (int k = 0; k < weights[i].length; k++) {
                s += grads[i].data()[k] * weights[i][k];
            }
        }
        return s;
    }

    private static List<Tensor> nulls(int n) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }

    private static double[] random(Random r, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    private static Tensor[] leaves(Shape[] shapes, double[][] values) {
        Tensor[] t = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            t[i] = Torch.tensor(shapes[i], DType.FLOAT64, values[i].clone()).requiresGrad_(true);
        }
        return t;
    }
}
