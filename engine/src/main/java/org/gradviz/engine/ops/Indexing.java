package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/** Integer indexing: {@code t[i]} is {@code t.select(0, i)}. */
public final class Indexing {

    private Indexing() {
    }

    /** {@code t[index]}: the sub-tensor at {@code index} of the first dimension (a copy, as gradviz has no views). */
    public static Tensor select(Tensor a, long index) {
        if (a.dim() == 0) {
            throw TorchException.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int size = a.shape().dim(0);
        if (index < -size || index >= size) {
            throw TorchException.index("index " + index + " is out of bounds for dimension 0 with size " + size);
        }
        int i = (int) (index < 0 ? index + size : index);
        int[] dims = a.shape().dims();
        Shape rest = Shape.of(Arrays.copyOfRange(dims, 1, dims.length));
        int block = rest.numel();
        Tensor out = Tensor.fromData(rest, a.dtype(), Arrays.copyOfRange(a.data(), i * block, i * block + block));
        if (Autograd.needsRecording(a)) {
            Autograd.attach(new SelectBackward0(a.shape(), i), out, a);
        }
        Autograd.fireOpExecuted("select", out, a);
        return out;
    }

    /** d(a[i])/da: the gradient placed at row i of zeros shaped like a. */
    static final class SelectBackward0 extends Node {
        private final Shape selfSizes;
        private final int index;

        SelectBackward0(Shape selfSizes, int index) {
            this.selfSizes = selfSizes;
            this.index = index;
        }

        @Override
        public String name() {
            return "SelectBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] g = new double[selfSizes.numel()];
            double[] part = grads[0].data();
            System.arraycopy(part, 0, g, index * part.length, part.length);
            return new Tensor[] {Tensor.fromData(selfSizes, grads[0].dtype(), g)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", 0L);
            out.put("index", (long) index);
        }
    }
}
