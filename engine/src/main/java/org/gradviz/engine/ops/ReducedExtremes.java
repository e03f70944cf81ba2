package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code amax}/{@code amin} over any set of dimensions (all when none are given): the extreme value only, NaN wherever
 * a NaN is reduced. The gradient is shared evenly by the elements equal to their slice's extreme
 * (AmaxBackward0/AminBackward0: {@code grad / count * (self == result)}, scale_grad_by_count).
 */
public final class ReducedExtremes {
    private ReducedExtremes() {
    }

    /** {@code torch.amax(a, dims, keepdim)} or (not {@code max}) {@code torch.amin}. */
    public static Tensor extreme(Tensor a, int[] dims, boolean keepDim, boolean max) {
        String op = max ? "amax" : "amin";
        boolean[] reduced = Reductions.reducedDims(a, dims);
        if (dims.length == 0 && a.numel() == 0) {
            throw TorchException.runtime(op + "(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        for (int d = 0; d < a.dim(); d++) {
            if (reduced[d] && a.shape().dim(d) == 0) {
                throw TorchException.index(op + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
        }
        double[] r = over(a.data(), a.shape(), reduced, max);
        Tensor out = Tensor.fromData(Reductions.reducedShape(a.shape(), reduced, keepDim), a.dtype(), r);
        int[] saved = Reductions.normalized(a, dims);
        return Autograd.record(op, out, () -> new ExtremeBackward(max ? "AmaxBackward0" : "AminBackward0", a, out,
                reduced, saved, keepDim), a);
    }

    /** Output position (in the keepdim shape, contiguous) of each input position. */
    static int[] outputIndex(Shape shape, boolean[] reduced) {
        int rank = shape.rank();
        int[] outStrides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            outStrides[d] = reduced[d] ? 0 : stride;
            stride *= reduced[d] ? 1 : shape.dim(d);
        }
        int[] map = new int[shape.numel()];
        int[] index = new int[rank];
        for (int i = 0; i < map.length; i++) {
            int o = 0;
            for (int d = 0; d < rank; d++) {
                o += index[d] * outStrides[d];
            }
            map[i] = o;
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < shape.dim(d)) {
                    break;
                }
                index[d] = 0;
            }
        }
        return map;
    }

    private static int outputCount(Shape shape, boolean[] reduced) {
        int n = 1;
        for (int d = 0; d < shape.rank(); d++) {
            n *= reduced[d] ? 1 : shape.dim(d);
        }
        return n;
    }

    private static double[] over(double[] x, Shape shape, boolean[] reduced, boolean max) {
        double[] r = new double[outputCount(shape, reduced)];
        java.util.Arrays.fill(r, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        int[] map = outputIndex(shape, reduced);
        for (int i = 0; i < x.length; i++) {
            double best = r[map[i]];
            if (!Double.isNaN(best) && (Double.isNaN(x[i]) || (max ? x[i] > best : x[i] < best))) {
                r[map[i]] = x[i];
            }
        }
        return r;
    }

    /** d amax(a)/da: {@code grad / (a == result).sum(dims) * (a == result)}, each step rounded as torch's. */
    static final class ExtremeBackward extends Node {
        private final String name;
        private final SavedTensor self;
        private final SavedTensor result;
        private final boolean[] reduced;
        private final int[] dims;
        private final boolean keepDim;

        ExtremeBackward(String name, Tensor a, Tensor out, boolean[] reduced, int[] dims, boolean keepDim) {
            this.name = name;
            this.self = save(a);
            this.result = saveOutput(out);
            this.reduced = reduced;
            this.dims = dims;
            this.keepDim = keepDim;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor a = self.unpack();
            double[] x = a.data();
            double[] res = result.unpack().data();
            double[] g = grads[0].data();
            DType dt = grads[0].dtype();
            int[] map = outputIndex(a.shape(), reduced);
            double[] count = new double[res.length];
            for (int i = 0; i < x.length; i++) {
                count[map[i]] += x[i] == res[map[i]] ? 1 : 0;
            }
            double[] r = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                // NOTE: a product by the mask, so a slice whose extreme is NaN (count 0) gets NaN
                r[i] = dt.round(g[map[i]] / count[map[i]]) * (x[i] == res[map[i]] ? 1 : 0);
            }
            return new Tensor[] {Tensor.fromData(a.shape(), dt, r)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", java.util.Arrays.stream(dims).mapToObj(d -> (long) d).toList());
            out.put("keepdim", keepDim);
            out.put("result", result);
            out.put("self", self);
        }
    }
}
