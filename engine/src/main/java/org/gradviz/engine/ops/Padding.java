package org.gradviz.engine.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code constant_pad_nd} ({@code F.pad(x, pad, value=v)}): {@code pad} holds (before, after) pairs for the last
 * dimension first; a positive entry adds cells holding {@code value}, a negative one crops. Its node is
 * ConstantPadNdBackward0.
 */
public final class Padding {
    private Padding() {
    }

    /** {@code constant_pad_nd(a, pad, value)} with torch 1.13's checks and messages. */
    public static Tensor constantPad(Tensor a, long[] pad, double value) {
        Shape out = paddedShape(a.shape(), pad);
        Tensor result = Tensor.fromData(out, a.dtype(), a.dtype().roundAll(padded(a, out, pad, value)));
        long[] saved = pad.clone();
        return Autograd.record("constant_pad_nd", result, () -> new ConstantPadNdBackward0(saved), a);
    }

    /** The output shape; the crops are checked first, as torch narrows the input before it pads. */
    private static Shape paddedShape(Shape in, long[] pad) {
        int rank = in.rank();
        int pairs = pad.length / 2;
        if (pad.length % 2 != 0) {
            throw TorchException.runtime("Length of pad must be even but instead it equals " + pad.length);
        }
        if (pairs > rank) {
            throw TorchException.runtime("Length of pad should be no more than twice the number of dimensions of "
                    + "the input. Pad length is " + pad.length + " while the input has " + rank + " dimensions.");
        }
        int[] dims = in.dims().clone();
        for (int d = rank - pairs; d < rank; d++) {
            int i = 2 * (rank - d - 1);
            long size = dims[d];
            if (pad[i] < 0) {
                size = narrowed(size, -pad[i], size + pad[i]);
            }
            if (pad[i + 1] < 0) {
                narrowed(size, 0, size + pad[i + 1]);
            }
        }
        for (int d = rank - pairs; d < rank; d++) {
            int i = 2 * (rank - d - 1);
            long size = dims[d] + pad[i] + pad[i + 1];
            if (size < 0) {
                throw TorchException.runtime("The input size " + dims[d] + ", plus negative padding " + pad[i]
                        + " and " + pad[i + 1] + " resulted in a negative output size, which is invalid. Check "
                        + "dimension " + d + " of your input.");
            }
            dims[d] = (int) size;
        }
        return Shape.of(dims);
    }

    /** torch's {@code narrow} checks on one dimension of size {@code size}: the size left. */
    private static long narrowed(long size, long start, long length) {
        if (start != size && (start < -size || start >= size)) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + (-size) + ", "
                    + (size - 1) + "], but got " + start + ")");
        }
        if (length < 0 || start > size - length) {
            throw TorchException.runtime("start (" + start + ") + length (" + length + ") exceeds dimension size ("
                    + size + ").");
        }
        return length;
    }

    /** Each output cell: the input cell it lands on, shifted by the padding before it, else {@code value}. */
    private static double[] padded(Tensor a, Shape out, long[] pad, double value) {
        int rank = out.rank();
        int[] before = new int[rank];
        for (int d = rank - pad.length / 2; d < rank; d++) {
            before[d] = (int) pad[2 * (rank - d - 1)];
        }
        double[] in = a.data();
        int[] inDims = a.shape().dims();
        int[] inStrides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--) {
            inStrides[d] = s;
            s *= inDims[d];
        }
        double[] result = new double[out.numel()];
        int[] index = new int[rank];
        for (int k = 0; k < result.length; k++) {
            int offset = 0;
            boolean inside = true;
            for (int d = 0; d < rank && inside; d++) {
                int source = index[d] - before[d];
                inside = source >= 0 && source < inDims[d];
                offset += source * inStrides[d];
            }
            result[k] = inside ? in[offset] : value;
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < out.dim(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return result;
    }

    /** d pad(a)/da: the gradient with the padding taken off again, {@code constant_pad_nd(grad, -pad, 0)}. */
    static final class ConstantPadNdBackward0 extends Node {
        private final long[] pad;

        ConstantPadNdBackward0(long[] pad) {
            this.pad = pad;
        }

        @Override
        public String name() {
            return "ConstantPadNdBackward0";
        }

        private long[] negated() {
            long[] out = new long[pad.length];
            for (int i = 0; i < pad.length; i++) {
                out[i] = -pad[i];
            }
            return out;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Shape in = paddedShape(grads[0].shape(), negated());
            return new Tensor[] {Tensor.fromData(in, grads[0].dtype(), padded(grads[0], in, negated(), 0))};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {constantPad(grads[0], negated(), 0)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            List<Long> values = new ArrayList<>();
            for (long p : pad) {
                values.add(p);
            }
            out.put("pad", values);
        }
    }
}
