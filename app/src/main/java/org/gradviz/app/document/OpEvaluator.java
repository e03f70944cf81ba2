package org.gradviz.app.document;

import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Losses;
import org.gradviz.engine.ops.Reduction;

/** Runs one document node on the engine, with its inputs by port name. The engine records the graph. */
public final class OpEvaluator {
    private OpEvaluator() {
    }

    public static Tensor apply(OpNode node, Map<String, Tensor> in) {
        Tensor input = in.get("input");
        return switch (node.op()) {
            case ADD -> node.scalar() != null ? input.add(node.scalar()) : input.add(in.get("other"));
            case SUB -> node.scalar() != null ? input.sub(node.scalar()) : input.sub(in.get("other"));
            case MUL -> node.scalar() != null ? input.mul(node.scalar()) : input.mul(in.get("other"));
            case DIV -> node.scalar() != null ? input.div(node.scalar()) : input.div(in.get("other"));
            case NEG -> input.neg();
            case POW -> node.exponent() != null ? input.pow(node.exponent()) : input.pow(in.get("exponent"));
            case SIN -> input.sin();
            case COS -> input.cos();
            case EXP -> input.exp();
            case LOG -> input.log();
            case SIGMOID -> input.sigmoid();
            case TANH -> input.tanh();
            case RELU -> input.relu();
            case CLAMP -> input.clamp(node.min(), node.max());
            case DETACH -> input.detach();
            case SUM -> node.dim() == null ? input.sum() : input.sum(node.dim(), node.keepdimOrDefault());
            case MEAN -> node.dim() == null ? input.mean() : input.mean(node.dim(), node.keepdimOrDefault());
            case T -> input.t();
            case TRANSPOSE -> input.T();
            case MATMUL -> matmul(input, in.get("other"));
            case LINEAR -> org.gradviz.engine.ops.LinearAlgebra.linear(input, in.get("weight"), in.get("bias"));
            case BINARY_CROSS_ENTROPY_WITH_LOGITS ->
                    Losses.binaryCrossEntropyWithLogits(input, in.get("target"), reduction(node));
            case BINARY_CROSS_ENTROPY -> Losses.binaryCrossEntropy(input, in.get("target"), reduction(node));
            case MSE_LOSS -> Losses.mseLoss(input, in.get("target"), reduction(node));
        };
    }

    /** Checks the inner sizes first so the message shows the shapes as the document has them. */
    private static Tensor matmul(Tensor a, Tensor b) {
        int[] x = a.size();
        int[] y = b.size();
        if (x.length >= 1 && y.length >= 1 && x.length <= 2 && y.length <= 2) {
            int inner = x[x.length - 1];
            int other = y[0];
            if (inner != other) {
                throw new DocumentException("matmul: shapes " + ShapeText.of(x) + " and " + ShapeText.of(y)
                        + " cannot be multiplied");
            }
        }
        return a.matmul(b);
    }

    private static Reduction reduction(OpNode node) {
        return node.reduction() == null ? Reduction.MEAN : Reduction.fromName(node.reduction());
    }
}
