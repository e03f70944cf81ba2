package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** {@code torch.cat} and {@code torch.stack}: many tensors joined along a dimension, each input's gradient its part. */
public final class Joining {
    private Joining() {
    }

    /** {@code torch.cat(tensors, dim)}: CatBackward0. */
    public static Tensor cat(List<Tensor> tensors, long dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("torch.cat(): expected a non-empty list of Tensors");
        }
        Tensor first = tensors.get(0);
        if (first.dim() == 0) {
            throw TorchException.runtime("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = first.shape().normalizeDim(dim);
        int total = 0;
        DType dtype = tensors.get(0).dtype();
        for (int n = 0; n < tensors.size(); n++) {
            Tensor t = tensors.get(n);
            if (t.dim() == 0) {
                throw TorchException.runtime("zero-dimensional tensor (at position " + n + ") cannot be concatenated");
            }
            if (t.dim() != first.dim()) {
                throw TorchException.runtime("Tensors must have same number of dimensions: got " + first.dim()
                        + " and " + t.dim());
            }
            for (int i = 0; i < first.dim(); i++) {
                if (i != d && t.shape().dim(i) != first.shape().dim(i)) {
                    throw TorchException.runtime("Sizes of tensors must match except in dimension " + d
                            + ". Expected size " + first.shape().dim(i) + " but got size " + t.shape().dim(i)
                            + " for tensor number " + n + " in the list.");
                }
            }
            total += t.shape().dim(d);
            dtype = DType.promote(dtype, t.dtype());
        }
        int[] dims = first.shape().dims().clone();
        dims[d] = total;
        Shape shape = Shape.of(dims);
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= dims[i];
        }
        int inner = shape.numel() / Math.max(1, outer * total);
        double[] r = new double[shape.numel()];
        int offset = 0;
        for (Tensor t : tensors) {
            int size = t.shape().dim(d);
            double[] x = t.data();
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x, o * size * inner, r, (o * total + offset) * inner, size * inner);
            }
            offset += size;
        }
        Tensor out = Tensor.fromData(shape, dtype, r);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        return Autograd.record("cat", out, () -> new Split("CatBackward0", inputs, d, false), inputs);
    }

    /** {@code torch.stack(tensors, dim)}: StackBackward0. */
    public static Tensor stack(List<Tensor> tensors, long dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("stack expects a non-empty TensorList");
        }
        Tensor first = tensors.get(0);
        for (int n = 1; n < tensors.size(); n++) {
            if (!tensors.get(n).shape().equals(first.shape())) {
                throw TorchException.runtime("stack expects each tensor to be equal size, but got "
                        + first.shape().listText() + " at entry 0 and " + tensors.get(n).shape().listText()
                        + " at entry " + n);
            }
        }
        int d = Shape.of(insertOne(first.shape().dims(), 0)).normalizeDim(dim);
        List<Tensor> lifted = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            lifted.add(Tensor.fromData(Shape.of(insertOne(t.shape().dims(), d)), t.dtype(), t.data()));
        }
        Tensor out;
        try (var g = org.gradviz.engine.GradMode.disabled()) {
            out = cat(lifted, d).detach();
        }
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        Tensor stacked = out;
        return Autograd.record("stack", stacked, () -> new Split("StackBackward0", inputs, d, true), inputs);
    }

    private static int[] insertOne(int[] dims, int d) {
        int[] out = new int[dims.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : dims[j++];
        }
        return out;
    }

    /** d cat/d input n: the gradient's slice along dim that input filled (squeezed again for stack). */
    static final class Split extends Node {
        private final String name;
        private final Shape[] shapes;
        private final int dim;
        private final boolean stacked;

        Split(String name, Tensor[] inputs, int dim, boolean stacked) {
            this.name = name;
            this.shapes = new Shape[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                shapes[i] = inputs[i].shape();
            }
            this.dim = dim;
            this.stacked = stacked;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            int total = g.shape().dim(dim);
            int outer = 1;
            for (int i = 0; i < dim; i++) {
                outer *= g.shape().dim(i);
            }
            int inner = g.numel() / Math.max(1, outer * total);
            Tensor[] out = new Tensor[shapes.length];
            int offset = 0;
            for (int n = 0; n < shapes.length; n++) {
                int size = stacked ? 1 : shapes[n].dim(dim);
                double[] r = new double[shapes[n].numel()];
                for (int o = 0; o < outer; o++) {
                    System.arraycopy(g.data(), (o * total + offset) * inner, r, o * size * inner, size * inner);
                }
                offset += size;
                out[n] = needsInputGrad(n) ? Tensor.fromData(shapes[n], g.dtype(), r) : null;
            }
            return out;
        }

        /**
         * cat_tensors_backward: grad.narrow(dim, offset, size) per input (SliceBackward0); stack_tensors_backward:
         * grad.unbind(dim), whose parts torch records as SelectBackward0.
         */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor[] out = new Tensor[shapes.length];
            int offset = 0;
            for (int n = 0; n < shapes.length; n++) {
                int size = stacked ? 1 : shapes[n].dim(dim);
                if (needsInputGrad(n)) {
                    out[n] = stacked ? Indexing.select(grads[0], dim, offset)
                            : Indexing.slice(grads[0], dim, offset, offset + size, 1);
                }
                offset += size;
            }
            return out;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", (long) dim);
        }
    }
}
