package org.gradviz.app.document;

import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Reduction;

/** Runs one document node on the engine, with its inputs by port name, as its {@link OpKind} row says. */
public final class OpEvaluator {
    private OpEvaluator() {
    }

    public static Tensor apply(OpNode node, Map<String, Tensor> in) {
        OpSpec spec = node.op().spec();
        if (spec.documentCheck() != null) {
            spec.documentCheck().check(node, in);
        }
        return spec.run().apply(node, in);
    }

    /** Checks the inner sizes of a matmul, so the message shows the shapes as the document has them. */
    static void matmulShapes(Tensor a, Tensor b) {
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
    }

    /**
     * The input and target of a class-index loss as a document can hold them: class probabilities (a float target of
     * the input's shape, which torch's cross_entropy also takes) are gradviz's refusal; the rest is the engine's, in
     * torch's words ({@code expected scalar type Long but found Float}, {@code Target 5 is out of bounds.}).
     */
    static void classInput(String op, Tensor input, Tensor target) {
        if (op.equals("cross_entropy") && target.dtype().isFloatingPoint() && target.shape().equals(input.shape())) {
            throw new DocumentException("cross_entropy with class probabilities as target is not supported by "
                    + "gradviz; give the class indices as an int64 tensor");
        }
        if (input.dim() == 0 || input.dim() > 2) {
            throw new DocumentException(op + ": input of shape " + ShapeText.of(input.size()) + " is neither "
                    + "(N, C) nor (C); gradviz takes those two");
        }
    }

    static Reduction reduction(OpNode node) {
        return node.reduction() == null ? Reduction.MEAN : Reduction.fromName(node.reduction());
    }
}
