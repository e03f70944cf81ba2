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

    static Reduction reduction(OpNode node) {
        return node.reduction() == null ? Reduction.MEAN : Reduction.fromName(node.reduction());
    }
}
