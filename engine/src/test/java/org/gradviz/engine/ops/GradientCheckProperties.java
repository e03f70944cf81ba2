package org.gradviz.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * Finite-difference gradient checks, in float64, for every op and reduction on random shapes
 * (including broadcasting): the engine's gradient of L = Σ r·f(inputs), for random weights r, must
 * equal the central difference (L(x+h) - L(x-h)) / 2h of every input element.
 */
class GradientCheckProperties {
    private static final double H = 1e-6;

    /** How to draw input values for an op: its domain. */
    enum Domain { ANY, POSITIVE, PROBABILITY, AWAY_FROM_KINKS }

    /** An op under test: its arity, how it combines the inputs, and how to draw their shapes and values. */
    record OpCase(String name, Function<Tensor[], Tensor> f, Function<Random, Shape[]> shapes, Domain domain) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<OpCase> ops() {
        return Arbitraries.of(cases());
    }

    static List<OpCase> cases() {
        List<OpCase> c = new ArrayList<>();
        c.add(binary("add", t -> Arithmetic.add(t[0], t[1])));
        c.add(binary("sub", t -> Arithmetic.sub(t[0], t[1])));
        c.add(binary("mul", t -> Arithmetic.mul(t[0], t[1])));
        c.add(new OpCase("div", t -> Arithmetic.div(t[0], t[1]), GradientCheckProperties::broadcastPair,
                Domain.POSITIVE));
        c.add(new OpCase("pow tensor", t -> Arithmetic.pow(t[0], t[1]), GradientCheckProperties::broadcastPair,
                Domain.POSITIVE));
        c.add(unary("rsub", t -> t[0].rsub(2.5), Domain.ANY));
        c.add(unary("add number", t -> t[0].add(1.5), Domain.ANY));
        c.add(unary("mul number", t -> t[0].mul(-3.0), Domain.ANY));
        c.add(unary("div number", t -> t[0].div(4.0), Domain.ANY));
        c.add(unary("number div", t -> t[0].rdiv(2.0), Domain.POSITIVE));
        c.add(unary("neg", t -> t[0].neg(), Domain.ANY));
        c.add(unary("pow 3", t -> t[0].pow(3), Domain.ANY));
        c.add(unary("pow 0.5", t -> t[0].pow(0.5), Domain.POSITIVE));
        c.add(unary("number pow", t -> Arithmetic.pow(Torch.scalar(2.0, DType.FLOAT64), t[0]), Domain.ANY));
        c.add(unary("sin", t -> t[0].sin(), Domain.ANY));
        c.add(unary("cos", t -> t[0].cos(), Domain.ANY));
        c.add(unary("exp", t -> t[0].exp(), Domain.ANY));
        c.add(unary("log", t -> t[0].log(), Domain.POSITIVE));
        c.add(unary("sigmoid", t -> t[0].sigmoid(), Domain.ANY));
        c.add(unary("tanh", t -> t[0].tanh(), Domain.ANY));
        c.add(unary("relu", t -> t[0].relu(), Domain.AWAY_FROM_KINKS));
        c.add(unary("clamp", t -> t[0].clamp(-0.5, 0.5), Domain.AWAY_FROM_KINKS));
        c.add(unary("reciprocal", t -> t[0].reciprocal(), Domain.POSITIVE));
        for (Rounding.Step step : Rounding.Step.values()) {
            c.add(unary(step.op(), t -> Rounding.step(t[0], step), Domain.AWAY_FROM_KINKS));
        }
        c.add(unary("frac", t -> Rounding.frac(t[0]), Domain.AWAY_FROM_KINKS));
        c.add(unary("hardtanh", t -> Hardtanh.hardtanh(t[0], -1, 1), Domain.AWAY_FROM_KINKS));
        c.add(unary("relu6", t -> Hardtanh.hardtanh(t[0], 0, 6), Domain.AWAY_FROM_KINKS));
        c.add(unary("var_mean", t -> {
            Tensor[] r = Moments.withMean(t[0], null, 1, false, false);
            return Arithmetic.add(r[0], Arithmetic.mulScalar(r[1], 3));
        }, Domain.ANY));
        c.add(new OpCase("std_mean dim", t -> {
            Tensor[] r = Moments.withMean(t[0], 0, 0, true, true);
            return Arithmetic.sub(r[0], r[1]);
        }, r -> new Shape[] {Shape.of(2 + r.nextInt(5), 3)}, Domain.ANY));
        c.add(unary("prod", t -> Products.prod(t[0]), Domain.POSITIVE));
        c.add(new OpCase("prod dim", t -> Products.prod(t[0], 0, false), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        c.add(new OpCase("prod dim keepdim", t -> Products.prod(t[0], -1, true), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        c.add(new OpCase("amax dims", t -> ReducedExtremes.extreme(t[0], new int[] {0}, false, true),
                r -> new Shape[] {randomShape(r, 1)}, Domain.ANY));
        c.add(unary("amin", t -> ReducedExtremes.extreme(t[0], new int[0], true, false), Domain.ANY));
        c.add(new OpCase("logsumexp", t -> LogSumExp.logsumexp(t[0], new int[] {-1}, false),
                r -> new Shape[] {randomShape(r, 1)}, Domain.ANY));
        c.add(new OpCase("logsumexp keepdim", t -> LogSumExp.logsumexp(t[0], new int[] {0}, true),
                r -> new Shape[] {randomShape(r, 1)}, Domain.ANY));
        c.add(new OpCase("cumprod", t -> Products.cumprod(t[0], -1), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        c.add(unary("nan_to_num", t -> Rounding.nanToNum(t[0].exp(), 0, null, null), Domain.ANY));
        c.add(unary("sum", t -> t[0].sum(), Domain.ANY));
        c.add(unary("mean", t -> t[0].mean(), Domain.ANY));
        c.add(new OpCase("sum dim", t -> t[0].sum(-1, false), r -> new Shape[] {randomShape(r, 1)}, Domain.ANY));
        c.add(new OpCase("sum dim keepdim", t -> t[0].sum(0, true), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        c.add(new OpCase("mean dim", t -> t[0].mean(0, false), r -> new Shape[] {randomShape(r, 1)}, Domain.ANY));
        c.add(new OpCase("t", t -> t[0].t(), r -> new Shape[] {Shape.of(dim(r), dim(r))}, Domain.ANY));
        c.add(unary("T", t -> t[0].T(), Domain.ANY));
        c.add(new OpCase("mm", t -> t[0].mm(t[1]), GradientCheckProperties::matrixPair, Domain.ANY));
        c.add(new OpCase("matmul vector-matrix", t -> t[0].matmul(t[1]), r -> {
            int k = dim(r);
            return new Shape[] {Shape.of(k), Shape.of(k, dim(r))};
        }, Domain.ANY));
        c.add(new OpCase("matmul matrix-vector", t -> t[0].matmul(t[1]), r -> {
            int k = dim(r);
            return new Shape[] {Shape.of(dim(r), k), Shape.of(k)};
        }, Domain.ANY));
        c.add(new OpCase("matmul dot", t -> t[0].matmul(t[1]), r -> {
            int k = dim(r);
            return new Shape[] {Shape.of(k), Shape.of(k)};
        }, Domain.ANY));
        c.add(new OpCase("linear", t -> LinearAlgebra.linear(t[0], t[1], t[2]), r -> {
            int n = dim(r);
            int in = dim(r);
            int out = dim(r);
            return new Shape[] {Shape.of(n, in), Shape.of(out, in), Shape.of(out)};
        }, Domain.ANY));
        c.add(new OpCase("linear 1-D input", t -> LinearAlgebra.linear(t[0], t[1], t[2]), r -> {
            int in = dim(r);
            int out = dim(r);
            return new Shape[] {Shape.of(in), Shape.of(out, in), Shape.of(out)};
        }, Domain.ANY));
        c.add(new OpCase("flatten", t -> Views.flatten(t[0], 0, -1), r -> new Shape[] {randomShape(r, 0)},
                Domain.ANY));
        c.add(new OpCase("log_softmax", t -> LogSoftmax.logSoftmax(t[0], -1), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        c.add(new OpCase("softmax", t -> Softmax.softmax(t[0], -1), r -> new Shape[] {randomShape(r, 1)},
                Domain.ANY));
        for (Reduction red : Reduction.values()) {
            c.add(new OpCase("nll_loss " + red.pythonName(), t -> NllLoss.nllLoss(t[0], classes(t[0]), red, 1),
                    r -> new Shape[] {Shape.of(dim(r), dim(r))}, Domain.ANY));
            c.add(new OpCase("cross_entropy " + red.pythonName(),
                    t -> NllLoss.crossEntropy(t[0], classes(t[0]), red, -100),
                    r -> new Shape[] {r.nextBoolean() ? Shape.of(dim(r)) : Shape.of(dim(r), dim(r))}, Domain.ANY));
        }
        for (Reduction red : Reduction.values()) {
            c.add(new OpCase("bce with logits " + red.pythonName(),
                    t -> Losses.binaryCrossEntropyWithLogits(t[0], t[1], red), GradientCheckProperties::samePair,
                    Domain.ANY));
            c.add(new OpCase("bce " + red.pythonName(), t -> Losses.binaryCrossEntropy(t[0], t[1], red),
                    GradientCheckProperties::samePair, Domain.PROBABILITY));
            c.add(new OpCase("mse " + red.pythonName(), t -> Losses.mseLoss(t[0], t[1], red),
                    GradientCheckProperties::samePair, Domain.ANY));
        }
        return c;
    }

    /** Class indices for an input of (N, C) or (C,): sample b's class is b mod C. */
    private static Tensor classes(Tensor input) {
        int c = input.shape().dim(input.dim() - 1);
        int n = input.dim() == 1 ? 1 : input.shape().dim(0);
        double[] t = new double[n];
        for (int b = 0; b < n; b++) {
            t[b] = b % c;
        }
        return Tensor.fromData(input.dim() == 1 ? Shape.SCALAR : Shape.of(n), DType.INT64, t);
    }

    private static OpCase unary(String name, Function<Tensor[], Tensor> f, Domain domain) {
        return new OpCase(name, f, r -> new Shape[] {randomShape(r, 0)}, domain);
    }

    private static OpCase binary(String name, Function<Tensor[], Tensor> f) {
        return new OpCase(name, f, GradientCheckProperties::broadcastPair, Domain.ANY);
    }

    private static int dim(Random r) {
        return 1 + r.nextInt(4);
    }

    static Shape randomShape(Random r, int minRank) {
        int rank = minRank + r.nextInt(4 - minRank);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = dim(r);
        }
        return Shape.of(dims);
    }

    /** A shape and a second one that broadcasts with it: a suffix of it with some sizes set to 1. */
    private static Shape[] broadcastPair(Random r) {
        Shape a = randomShape(r, 0);
        int rank = r.nextInt(a.rank() + 1);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            int d = a.dim(a.rank() - rank + i);
            dims[i] = r.nextInt(3) == 0 ? 1 : d;
        }
        Shape b = Shape.of(dims);
        return r.nextBoolean() ? new Shape[] {a, b} : new Shape[] {b, a};
    }

    static Shape[] samePair(Random r) {
        Shape s = randomShape(r, 0);
        return new Shape[] {s, s};
    }

    private static Shape[] matrixPair(Random r) {
        int k = dim(r);
        return new Shape[] {Shape.of(dim(r), k), Shape.of(k, dim(r))};
    }

    static double draw(Random r, Domain domain) {
        switch (domain) {
            case POSITIVE:
                return 0.5 + 1.5 * r.nextDouble();
            case PROBABILITY:
                return 0.1 + 0.8 * r.nextDouble();
            case AWAY_FROM_KINKS: {
                double v = -1.5 + 3 * r.nextDouble();
                double nearest = Math.rint(v * 2) / 2; // kinks of relu and clamp(-0.5, 0.5) are at multiples of 0.5
                return Math.abs(v - nearest) < 0.05 ? v + 0.1 : v;
            }
            default:
                return -1.5 + 3 * r.nextDouble();
        }
    }

    @Property(tries = 400)
    void analyticGradientMatchesFiniteDifferences(@ForAll("ops") OpCase op, @ForAll long seed) {
        Random r = new Random(seed);
        Shape[] shapes = op.shapes().apply(r);
        double[][] values = new double[shapes.length][];
        for (int i = 0; i < shapes.length; i++) {
            values[i] = new double[shapes[i].numel()];
            for (int k = 0; k < values[i].length; k++) {
                values[i][k] = draw(r, op.domain());
            }
        }
        Tensor probe = op.f().apply(leaves(shapes, values, false));
        double[] weights = new double[probe.numel()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = r.nextDouble() * 2 - 1;
        }
        Tensor weightTensor = Torch.tensor(probe.shape(), DType.FLOAT64, weights);

        Tensor[] inputs = leaves(shapes, values, true);
        op.f().apply(inputs).mul(weightTensor).sum().backward();

        for (int i = 0; i < inputs.length; i++) {
            assertEquals(shapes[i], inputs[i].grad().shape(), op + ": grad shape of input " + i);
            for (int k = 0; k < values[i].length; k++) {
                double numeric = centralDifference(op, shapes, values, weightTensor, i, k);
                double analytic = inputs[i].grad().data()[k];
                if (Math.abs(numeric - analytic) > 1e-5 + 1e-4 * Math.abs(numeric)) {
                    fail(op + " input " + i + " " + shapes[i] + " element " + k + ": analytic " + analytic
                            + " vs finite difference " + numeric);
                }
            }
        }
    }

    private static double centralDifference(OpCase op, Shape[] shapes, double[][] values, Tensor weights, int i,
            int k) {
        double saved = values[i][k];
        values[i][k] = saved + H;
        double plus = loss(op, shapes, values, weights);
        values[i][k] = saved - H;
        double minus = loss(op, shapes, values, weights);
        values[i][k] = saved;
        return (plus - minus) / (2 * H);
    }

    private static double loss(OpCase op, Shape[] shapes, double[][] values, Tensor weights) {
        try (var g = GradMode.disabled()) {
            return op.f().apply(leaves(shapes, values, false)).mul(weights).sum().item();
        }
    }

    private static Tensor[] leaves(Shape[] shapes, double[][] values, boolean requiresGrad) {
        Tensor[] t = new Tensor[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            t[i] = Torch.tensor(shapes[i], DType.FLOAT64, values[i]).requiresGrad_(requiresGrad);
        }
        return t;
    }
}
