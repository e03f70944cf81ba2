package org.gradviz.engine.ops;

import java.math.BigInteger;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code F.embedding(input, weight, padding_idx)}: row {@code i} of the table {@code weight} for every index
 * {@code i} of {@code input}, shaped as input followed by the row length (EmbeddingBackward0, one edge: the indices
 * are not differentiable).
 */
public final class Embedding {
    private Embedding() {
    }

    /**
     * The rows of {@code weight} at {@code indices}; {@code paddingIdx} is -1 for none, else a row whose gradient
     * stays 0.
     */
    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) {
        if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
            throw TorchException.runtime("Expected tensor for argument #1 'indices' to have one of the following "
                    + "scalar types: Long, Int; but got " + indices.dtype().legacyTypeName() + " instead (while checking "
                    + "arguments for embedding)");
        }
        if (weight.dim() != 2) {
            throw TorchException.runtime("'weight' must be 2-D");
        }
        int rows = weight.shape().dim(0);
        int width = weight.shape().dim(1);
        double[] ids = indices.data();
        int[] picked = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= rows) {
                throw TorchException.index("index out of range in self");
            }
            picked[i] = (int) ids[i];
        }
        double[] w = weight.data();
        double[] out = new double[picked.length * width];
        for (int i = 0; i < picked.length; i++) {
            System.arraycopy(w, picked[i] * width, out, i * width, width);
        }
        int[] dims = new int[indices.dim() + 1];
        System.arraycopy(indices.shape().dims(), 0, dims, 0, indices.dim());
        dims[indices.dim()] = width;
        Tensor result = Tensor.fromData(Shape.of(dims), weight.dtype(), out);
        return Autograd.record("embedding", result,
                () -> new EmbeddingBackward0(weight, indices, picked, rows, width, paddingIdx),
                new Tensor[] {weight}, new Tensor[] {indices, weight});
    }

    /**
     * d out/d weight: torch's {@code embedding_dense_backward}: zeros shaped as the table, each index's row of the
     * gradient added to its row in index order (a row picked twice gets both), none to the padding row.
     */
    static final class EmbeddingBackward0 extends Node {
        private final SavedTensor weight;
        private final SavedTensor indices;
        private final int[] picked;
        private final int rows;
        private final int width;
        private final long paddingIdx;

        EmbeddingBackward0(Tensor weight, Tensor indices, int[] picked, int rows, int width, long paddingIdx) {
            this.weight = save(weight);
            this.indices = save(indices);
            this.picked = picked;
            this.rows = rows;
            this.width = width;
            this.paddingIdx = paddingIdx;
        }

        @Override
        public String name() {
            return "EmbeddingBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            double[] gv = g.data();
            double[] r = new double[rows * width];
            DType dt = g.dtype();
            for (int i = 0; i < picked.length; i++) {
                if (picked[i] == paddingIdx) {
                    continue;
                }
                int base = picked[i] * width;
                for (int k = 0; k < width; k++) {
                    r[base + k] = dt.round(r[base + k] + gv[i * width + k]);
                }
            }
            return new Tensor[] {Tensor.fromData(Shape.of(rows, width), dt, r)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("indices", indices);
            // NOTE: torch keeps padding_idx as an unsigned 64-bit int, so "none" (-1) shows as 2**64 - 1
            out.put("padding_idx", paddingIdx < 0 ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)
                    : (Object) paddingIdx);
            out.put("scale_grad_by_freq", false);
            out.put("sparse", false);
            out.put("weight", weight);
        }
    }
}
