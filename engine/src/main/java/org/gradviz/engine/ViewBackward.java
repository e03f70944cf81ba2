package org.gradviz.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph after an in-place change of a view, as PyTorch 1.13 rewrites it: the base's grad_fn becomes a
 * {@code CopySlices} of the in-place op, which sends the base's gradient, with the view's part replaced by what the op
 * sends its input, to the base's old grad_fn; the view's grad_fn becomes an {@code AsStridedBackward0} into the base.
 */
final class ViewBackward {
    private ViewBackward() {
    }

    /**
     * After {@code view} (of {@code base}) took the values of an op whose backward is {@code fn}, in a graph: the
     * base's and the view's new grad_fn.
     */
    static void rebase(Tensor view, Tensor base, Node fn) {
        List<Edge> edges = new ArrayList<>(fn.nextFunctions().size());
        edges.add(Autograd.gradientEdge(base));
        edges.addAll(fn.nextFunctions().subList(1, fn.nextFunctions().size()));
        CopySlices copySlices = new CopySlices(base.shape(), view.shape(), view.strides(), view.storageOffset(), fn);
        copySlices.setNextEdges(edges);
        base.setViewGradFn(copySlices);
        AsStridedBackward0 asStrided = new AsStridedBackward0(base.shape(), view.shape(), view.strides(),
                view.storageOffset());
        asStrided.setNextEdges(List.of(new Edge(copySlices, 0)));
        view.setViewGradFn(asStrided);
    }

    /** The elements of {@code g} (in the base's shape) at a view's positions, as a tensor of the view's shape. */
    private static Tensor gather(Tensor g, Shape shape, int[] strides, int offset) {
        return Tensor.asStrided(g, shape, strides, offset).detachedCopy();
    }

    /**
     * The base's gradient: the view's part replaced by what the in-place op sends its input, the rest as it came;
     * the op's other inputs get what it sends them.
     */
    static final class CopySlices extends Node {
        private final Shape baseShape;
        private final Shape shape;
        private final int[] strides;
        private final int offset;
        private final Node fn;

        CopySlices(Shape baseShape, Shape shape, int[] strides, int offset, Node fn) {
            this.baseShape = baseShape;
            this.shape = shape;
            this.strides = strides;
            this.offset = offset;
            this.fn = fn;
        }

        @Override
        public String name() {
            return "CopySlices";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor[] res = fn.apply(new Tensor[] {gather(g, shape, strides, offset)});
            Tensor[] out = new Tensor[res.length];
            for (int i = 1; i < res.length; i++) {
                out[i] = res[i];
            }
            if (res[0] != null) {
                double[] result = g.data().clone();
                double[] slice = res[0].data();
                int[] at = ViewGeometry.positions(shape, strides, offset);
                for (int i = 0; i < at.length; i++) {
                    result[at[i]] = slice[i];
                }
                out[0] = Tensor.fromData(baseShape, g.dtype(), result);
            }
            return out;
        }
    }

    /** {@code as_strided}'s backward: the gradient put at the view's positions in zeros shaped like the base. */
    static final class AsStridedBackward0 extends Node {
        private final Shape baseShape;
        private final Shape shape;
        private final int[] strides;
        private final int offset;

        AsStridedBackward0(Shape baseShape, Shape shape, int[] strides, int offset) {
            this.baseShape = baseShape;
            this.shape = shape;
            this.strides = strides;
            this.offset = offset;
        }

        @Override
        public String name() {
            return "AsStridedBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            double[] out = new double[baseShape.numel()];
            double[] values = g.data();
            int[] at = ViewGeometry.positions(shape, strides, offset);
            for (int i = 0; i < at.length; i++) {
                out[at[i]] = g.dtype().round(out[at[i]] + values[i]);
            }
            return new Tensor[] {Tensor.fromData(baseShape, g.dtype(), out)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("size", sizes(shape.dims()));
            out.put("stride", sizes(strides));
            out.put("storage_offset", (long) offset);
        }

        private static List<Long> sizes(int[] v) {
            return java.util.Arrays.stream(v).mapToObj(x -> (long) x).toList();
        }
    }
}
