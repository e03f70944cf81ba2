package org.gradviz.app.animation.lens;

import static org.gradviz.app.document.OpKind.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradviz.app.document.OpEvaluator;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Indexing;

/**
 * Forward computations that cover every palette op (run through {@link OpEvaluator}, as the editor runs them),
 * with broadcasting where the op allows it, plus the engine-only spellings that record other nodes
 * ({@code 1 - a}, {@code 2 / a}, {@code a[1]}).
 */
final class PaletteCases {
    private PaletteCases() {
    }

    /** One forward computation; {@code op} is the palette op it exercises (null for engine-only spellings). */
    record PaletteCase(String label, OpKind op, Function<TestTensors, Tensor> forward) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<PaletteCase> all() {
        return List.of(
                new PaletteCase("add (2,3) + (3)", ADD, t -> apply(node(ADD), "input", t.randn(2, 3), "other", t.randn(3))),
                new PaletteCase("add (2,3) + (2,1)", ADD,
                        t -> apply(node(ADD), "input", t.randn(2, 3), "other", t.randn(2, 1))),
                new PaletteCase("add a + 1", ADD, t -> apply(scalar(ADD, 1), "input", t.randn(2, 3))),
                new PaletteCase("sub (2,3) - (2,1)", SUB,
                        t -> apply(node(SUB), "input", t.randn(2, 3), "other", t.randn(2, 1))),
                new PaletteCase("sub a - 0.5", SUB, t -> apply(scalar(SUB, 0.5), "input", t.randn(3))),
                new PaletteCase("rsub 1 - a", null, t -> t.randn(2, 3).rsub(1)),
                new PaletteCase("mul (1,3) * (2,1)", MUL,
                        t -> apply(node(MUL), "input", t.randn(1, 3), "other", t.randn(2, 1))),
                new PaletteCase("mul a * 0.1", MUL, t -> apply(scalar(MUL, 0.1), "input", t.randn(2, 3))),
                new PaletteCase("mul a * a", MUL, t -> {
                    Tensor a = t.randn(3);
                    return apply(node(MUL), "input", a, "other", a);
                }),
                new PaletteCase("mul float32 (2,3) * float64 (3)", MUL, t -> apply(node(MUL),
                        "input", t.randnOf(DType.FLOAT32, 2, 3), "other", t.randnOf(DType.FLOAT64, 3))),
                new PaletteCase("div (2,3) / (3)", DIV, t -> apply(node(DIV), "input", t.randn(2, 3), "other", t.positive(3))),
                new PaletteCase("div a / 4", DIV, t -> apply(scalar(DIV, 4), "input", t.randn(2, 3))),
                new PaletteCase("rdiv 2 / a", null, t -> t.positive(2, 3).rdiv(2)),
                new PaletteCase("neg", NEG, t -> apply(node(NEG), "input", t.randn(2, 3))),
                new PaletteCase("pow a ** 3", POW, t -> apply(power(3.0), "input", t.randn(2, 3))),
                new PaletteCase("pow a ** 2.5", POW, t -> apply(power(2.5), "input", t.positive(4))),
                new PaletteCase("pow a ** 0", POW, t -> apply(power(0.0), "input", t.randn(4))),
                new PaletteCase("pow (2,3) ** (3)", POW,
                        t -> apply(node(POW), "input", t.positive(2, 3), "exponent", t.randn(3))),
                new PaletteCase("sin", SIN, t -> apply(node(SIN), "input", t.randn(2, 3))),
                new PaletteCase("cos", COS, t -> apply(node(COS), "input", t.randn(2, 3))),
                new PaletteCase("exp", EXP, t -> apply(node(EXP), "input", t.randn(2, 3))),
                new PaletteCase("log", LOG, t -> apply(node(LOG), "input", t.positive(2, 3))),
                new PaletteCase("abs", ABS, t -> apply(node(ABS), "input", t.randn(2, 3))),
                new PaletteCase("sqrt", SQRT, t -> apply(node(SQRT), "input", t.positive(2, 3))),
                new PaletteCase("softmax dim=-1", SOFTMAX, t -> apply(reduction(SOFTMAX, -1, null), "input", t.randn(2, 3))),
                new PaletteCase("log_softmax dim=1", LOG_SOFTMAX,
                        t -> apply(reduction(LOG_SOFTMAX, 1, null), "input", t.randn(2, 3))),
                new PaletteCase("sigmoid", SIGMOID, t -> apply(node(SIGMOID), "input", t.randn(2, 3))),
                new PaletteCase("tanh", TANH, t -> apply(node(TANH), "input", t.randn(2, 3))),
                new PaletteCase("relu with zeros", RELU,
                        t -> apply(node(RELU), "input", t.values(-1, 0, 2, 0.5, -0.25, 0))),
                new PaletteCase("clamp(-0.5, 0.5) with bounds", CLAMP,
                        t -> apply(clamp(-0.5, 0.5), "input", t.values(-1, -0.5, 0.25, 0.5, 2))),
                new PaletteCase("clamp(min=0)", CLAMP, t -> apply(clamp(0.0, null), "input", t.randn(2, 3))),
                new PaletteCase("clamp(max=0.2)", CLAMP, t -> apply(clamp(null, 0.2), "input", t.randn(2, 3))),
                new PaletteCase("detach: a * a.detach()", DETACH, t -> {
                    Tensor a = t.randn(3);
                    return apply(node(MUL), "input", a, "other", apply(node(DETACH), "input", a));
                }),
                new PaletteCase("sum", SUM, t -> apply(node(SUM), "input", t.randn(2, 3))),
                new PaletteCase("sum dim 1", SUM, t -> apply(reduction(SUM, 1, null), "input", t.randn(2, 3))),
                new PaletteCase("sum dim 0 keepdim", SUM, t -> apply(reduction(SUM, 0, true), "input", t.randn(2, 3))),
                new PaletteCase("mean", MEAN, t -> apply(node(MEAN), "input", t.randn(2, 3))),
                new PaletteCase("mean dim 1 keepdim", MEAN,
                        t -> apply(reduction(MEAN, 1, true), "input", t.randn(2, 3))),
                new PaletteCase("mean dim -1", MEAN, t -> apply(reduction(MEAN, -1, null), "input", t.randn(3, 4))),
                new PaletteCase("t", T, t -> apply(node(T), "input", t.randn(2, 3))),
                new PaletteCase(".T of (2,3,4)", TRANSPOSE, t -> apply(node(TRANSPOSE), "input", t.randn(2, 3, 4))),
                new PaletteCase("flatten (2,3,4) from dim 1", FLATTEN,
                        t -> apply(flatten(1, -1), "input", t.randn(2, 3, 4))),
                new PaletteCase("flatten (2,3,4) dims 0 to 1", FLATTEN,
                        t -> apply(flatten(0, 1), "input", t.randn(2, 3, 4))),
                new PaletteCase("view (2,3) as (1, -1)", OpKind.VIEW,
                        t -> apply(sized(OpKind.VIEW, 1, -1), "input", t.randn(2, 3))),
                new PaletteCase("reshape (2,3) as (3, 2)", OpKind.RESHAPE,
                        t -> apply(sized(OpKind.RESHAPE, 3, 2), "input", t.randn(2, 3))),
                // NOTE: a transposed input's strides allow no view: reshape copies it (UnsafeViewBackward0)
                new PaletteCase("reshape (3,2)ᵀ as (-1)", OpKind.RESHAPE,
                        t -> apply(sized(OpKind.RESHAPE, -1), "input", t.randn(3, 2).t())),
                new PaletteCase("matmul (5) @ (5,3)", MATMUL,
                        t -> apply(node(MATMUL), "input", t.randn(5), "other", t.randn(5, 3))),
                new PaletteCase("matmul (2,4) @ (4,3)", MATMUL,
                        t -> apply(node(MATMUL), "input", t.randn(2, 4), "other", t.randn(4, 3))),
                new PaletteCase("matmul (2,4) @ (4)", MATMUL,
                        t -> apply(node(MATMUL), "input", t.randn(2, 4), "other", t.randn(4))),
                new PaletteCase("matmul (4) @ (4)", MATMUL,
                        t -> apply(node(MATMUL), "input", t.randn(4), "other", t.randn(4))),
                new PaletteCase("linear (4,3) weight (2,3) bias (2)", LINEAR, t -> apply(node(LINEAR),
                        "input", t.randn(4, 3), "weight", t.randn(2, 3), "bias", t.randn(2))),
                new PaletteCase("linear (3) weight (2,3) bias (2)", LINEAR, t -> apply(node(LINEAR),
                        "input", t.randn(3), "weight", t.randn(2, 3), "bias", t.randn(2))),
                new PaletteCase("linear (4,3) weight (2,3) no bias", LINEAR, t -> apply(node(LINEAR),
                        "input", t.randn(4, 3), "weight", t.randn(2, 3))),
                new PaletteCase("bce_with_logits mean", BINARY_CROSS_ENTROPY_WITH_LOGITS, t -> apply(
                        node(BINARY_CROSS_ENTROPY_WITH_LOGITS), "input", t.randn(3), "target", t.targets(3))),
                new PaletteCase("bce_with_logits sum, target requires grad", BINARY_CROSS_ENTROPY_WITH_LOGITS,
                        t -> apply(loss(BINARY_CROSS_ENTROPY_WITH_LOGITS, "sum"), "input", t.randn(2, 3),
                                "target", t.probabilities(2, 3))),
                new PaletteCase("bce_with_logits none", BINARY_CROSS_ENTROPY_WITH_LOGITS, t -> apply(
                        loss(BINARY_CROSS_ENTROPY_WITH_LOGITS, "none"), "input", t.randn(2, 3), "target", t.targets(2, 3))),
                new PaletteCase("binary_cross_entropy mean, target requires grad", BINARY_CROSS_ENTROPY, t -> apply(
                        node(BINARY_CROSS_ENTROPY), "input", t.probabilities(2, 3), "target", t.probabilities(2, 3))),
                new PaletteCase("binary_cross_entropy none", BINARY_CROSS_ENTROPY, t -> apply(
                        loss(BINARY_CROSS_ENTROPY, "none"), "input", t.probabilities(4), "target", t.targets(4))),
                new PaletteCase("mse_loss mean", MSE_LOSS,
                        t -> apply(node(MSE_LOSS), "input", t.randn(2, 3), "target", t.targets(2, 3))),
                new PaletteCase("mse_loss sum, target requires grad", MSE_LOSS,
                        t -> apply(loss(MSE_LOSS, "sum"), "input", t.randn(3), "target", t.randn(3))),
                new PaletteCase("mse_loss none", MSE_LOSS,
                        t -> apply(loss(MSE_LOSS, "none"), "input", t.randn(2, 2), "target", t.targets(2, 2))),
                new PaletteCase("nll_loss mean of log_softmax", NLL_LOSS, t -> apply(node(NLL_LOSS),
                        "input", apply(reduction(LOG_SOFTMAX, 1, null), "input", t.randn(3, 4)),
                        "target", t.indices(2, 0, 3))),
                new PaletteCase("nll_loss sum (4)", NLL_LOSS, t -> apply(loss(NLL_LOSS, "sum"),
                        "input", t.randn(4), "target", t.indices(1))),
                new PaletteCase("nll_loss none, a class twice", NLL_LOSS, t -> apply(loss(NLL_LOSS, "none"),
                        "input", t.randn(3, 2), "target", t.indices(1, 1, 0))),
                new PaletteCase("cross_entropy mean", CROSS_ENTROPY, t -> apply(node(CROSS_ENTROPY),
                        "input", t.randn(3, 4), "target", t.indices(0, 3, 3))),
                new PaletteCase("cross_entropy sum", CROSS_ENTROPY, t -> apply(loss(CROSS_ENTROPY, "sum"),
                        "input", t.randn(2, 3), "target", t.indices(2, 1))),
                new PaletteCase("embedding (3) rows of (4,2), one twice", EMBEDDING, t -> apply(node(EMBEDDING),
                        "input", t.indices(3, 0, 3), "weight", t.randn(4, 2))),
                new PaletteCase("embedding (2,2) rows of (5,3)", EMBEDDING, t -> apply(node(EMBEDDING),
                        "input", org.gradviz.engine.ops.Views.reshape(t.indices(4, 1, 1, 2), org.gradviz.engine.Shape.of(2, 2)), "weight", t.randn(5, 3))),
                new PaletteCase("select a[1] of (3,2)", null, t -> Indexing.select(t.randn(3, 2), 1)));
    }

    private static Tensor apply(OpNode node, Object... portsAndTensors) {
        Map<String, Tensor> in = new HashMap<>();
        for (int i = 0; i < portsAndTensors.length; i += 2) {
            in.put((String) portsAndTensors[i], (Tensor) portsAndTensors[i + 1]);
        }
        return OpEvaluator.apply(node, in);
    }

    private static OpNode node(OpKind op) {
        return OpNode.of(op.id(), op);
    }

    private static OpNode scalar(OpKind op, double scalar) {
        return new OpNode(op.id(), op, null, null, null, null, null, null, null, null, null, scalar, null);
    }

    private static OpNode power(Double exponent) {
        return new OpNode("pow", POW, null, null, null, null, null, null, null, null, exponent, null, null);
    }

    private static OpNode clamp(Double min, Double max) {
        return new OpNode("clamp", CLAMP, null, null, null, null, null, null, min, max, null, null, null);
    }

    private static OpNode reduction(OpKind op, int dim, Boolean keepdim) {
        return new OpNode(op.id(), op, null, dim, keepdim, null, null, null, null, null, null, null, null);
    }

    private static OpNode flatten(int startDim, int endDim) {
        return new OpNode("flatten", FLATTEN, null, null, null, startDim, endDim, null, null, null, null, null, null);
    }

    private static OpNode sized(OpKind op, long... shape) {
        return OpNode.of(op.id(), op).withShape(java.util.Arrays.stream(shape).boxed().toList());
    }

    private static OpNode loss(OpKind op, String reduction) {
        return new OpNode(op.id(), op, reduction, null, null, null, null, null, null, null, null, null, null);
    }
}
