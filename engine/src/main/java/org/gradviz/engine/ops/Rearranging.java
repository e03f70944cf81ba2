package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * Copies that move elements: {@code repeat} (RepeatBackward0), {@code flip} (FlipBackward0), {@code roll}
 * (RollBackward0), and the masks {@code tril}/{@code triu} (TrilBackward0/TriuBackward0).
 */
public final class Rearranging {
    private Rearranging() {
    }

    /**
     * The tensor of {@code shape} whose element at coordinates (c0, c1, ...) is {@code a}'s at
     * (map[0][c0], map[1][c1], ...); {@code a} has the same rank as shape.
     */
    private static Tensor moved(Tensor a, Shape shape, int[][] map) {
        double[] x = a.data();
        int rank = shape.rank();
        int[] inStrides = a.shape().strides();
        double[] r = new double[shape.numel()];
        int[] c = new int[rank];
        for (int i = 0; i < r.length; i++) {
            int from = 0;
            for (int d = 0; d < rank; d++) {
                from += map[d][c[d]] * inStrides[d];
            }
            r[i] = x[from];
            for (int d = rank - 1; d >= 0 && ++c[d] == shape.dim(d); d--) {
                c[d] = 0;
            }
        }
        return Tensor.fromData(shape, a.dtype(), r);
    }

    // ----- repeat

    /** {@code t.repeat(*repeats)}: the tensor tiled repeats[d] times along each dimension d (new ones in front). */
    public static Tensor repeat(Tensor a, long[] repeats) {
        if (repeats.length < a.dim()) {
            throw TorchException.runtime("Number of dimensions of repeat dims can not be smaller than number of "
                    + "dimensions of tensor");
        }
        int lead = repeats.length - a.dim();
        long[] target = new long[repeats.length];
        int[] padded = new int[repeats.length];
        for (int d = 0; d < repeats.length; d++) {
            padded[d] = d < lead ? 1 : a.shape().dim(d - lead);
            target[d] = padded[d] * repeats[d];
        }
        for (long t : target) {
            if (t < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + t + ": "
                        + Arrays.toString(target));
            }
        }
        int[] dims = Arrays.stream(target).mapToInt(v -> (int) v).toArray();
        int[][] map = new int[dims.length][];
        for (int d = 0; d < dims.length; d++) {
            map[d] = new int[dims[d]];
            for (int i = 0; i < dims[d]; i++) {
                map[d][i] = i % padded[d];
            }
        }
        Tensor out = moved(a.copyAs(Shape.of(padded)), Shape.of(dims), map);
        Shape selfSizes = a.shape();
        return Autograd.record("repeat", out, () -> new RepeatBackward0(repeats, selfSizes), a);
    }

    /**
     * d(repeat a)/da: torch's repeat_backward: the new leading dimensions summed away one by one, then the gradient
     * reshaped to (repeat, size) pairs and summed over the repeat dimensions at once; zeros when a repeat is 0.
     */
    static final class RepeatBackward0 extends Node {
        private final long[] repeats;
        private final Shape selfSizes;

        RepeatBackward0(long[] repeats, Shape selfSizes) {
            this.repeats = repeats.clone();
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return "RepeatBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {backward(grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        private Tensor backward(Tensor grad) {
            for (long r : repeats) {
                if (r == 0) {
                    return Tensor.fromData(selfSizes, grad.dtype(), new double[selfSizes.numel()]);
                }
            }
            int lead = grad.dim() - selfSizes.rank();
            Tensor g = grad;
            for (int i = 0; i < lead; i++) {
                g = Reductions.sum(g, 0, false);
            }
            int[] gradSize = new int[2 * selfSizes.rank()];
            int[] sumDims = new int[selfSizes.rank()];
            int n = 0;
            int s = 0;
            for (int d = 0; d < selfSizes.rank(); d++) {
                long repeat = repeats[d + lead];
                if (repeat != 1) {
                    gradSize[n++] = (int) repeat;
                    sumDims[s++] = n - 1;
                }
                gradSize[n++] = selfSizes.dim(d);
            }
            if (s > 0) {
                g = Views.reshape(g, Shape.of(Arrays.copyOf(gradSize, n)));
                g = Reductions.sum(g, Arrays.copyOf(sumDims, s), false);
            }
            return g;
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("repeats", Arrays.stream(repeats).boxed().toList());
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    // ----- flip

    /** {@code t.flip(dims)}: the order of each of dims reversed. */
    public static Tensor flip(Tensor a, long[] dims) {
        boolean[] flipped = new boolean[Math.max(a.dim(), 1)];
        int[] wrapped = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = a.shape().normalizeDim(dims[i]);
            if (flipped[d]) {
                throw TorchException.runtime("dim " + d + " appears multiple times in the list of dims");
            }
            flipped[d] = true;
            wrapped[i] = d;
        }
        Tensor out = a.dim() == 0 ? a.copyAs(a.shape()) : moved(a, a.shape(), flipMap(a.shape(), flipped));
        return Autograd.record("flip", out, () -> new FlipBackward0(wrapped), a);
    }

    private static int[][] flipMap(Shape shape, boolean[] flipped) {
        int[][] map = new int[shape.rank()][];
        for (int d = 0; d < shape.rank(); d++) {
            int size = shape.dim(d);
            map[d] = new int[size];
            for (int i = 0; i < size; i++) {
                map[d][i] = flipped[d] ? size - 1 - i : i;
            }
        }
        return map;
    }

    /** d(flip a)/da = the gradient flipped back. */
    static final class FlipBackward0 extends Node {
        private final int[] dims;

        FlipBackward0(int[] dims) {
            this.dims = dims;
        }

        @Override
        public String name() {
            return "FlipBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {flip(grads[0], Arrays.stream(dims).asLongStream().toArray())};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dims", Arrays.stream(dims).mapToObj(d -> (long) d).toList());
        }
    }

    // ----- roll

    /**
     * {@code t.roll(shifts, dims)}: each of dims rotated by its shift (elements pushed off the end come back in
     * front); with no dims, the flattened tensor rotated by the one shift.
     */
    public static Tensor roll(Tensor a, long[] shifts, long[] dims) {
        if (shifts.length == 0) {
            throw TorchException.runtime("`shifts` required");
        }
        if (!(dims.length == 0 && shifts.length == 1) && shifts.length != dims.length) {
            throw TorchException.runtime("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        int[] wrapped = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            wrapped[i] = a.shape().normalizeDim(dims[i]);
        }
        Tensor out;
        if (a.numel() == 0) {
            out = a.copyAs(a.shape());
        } else if (dims.length == 0) {
            Tensor flat = a.copyAs(Shape.of(a.numel()));
            out = moved(flat, flat.shape(), new int[][] {rotation(a.numel(), shifts[0])}).copyAs(a.shape());
        } else {
            int[][] map = new int[a.dim()][];
            for (int d = 0; d < a.dim(); d++) {
                map[d] = rotation(a.shape().dim(d), 0);
            }
            out = a.copyAs(a.shape());
            for (int i = 0; i < wrapped.length; i++) {
                int[][] step = map.clone();
                step[wrapped[i]] = rotation(a.shape().dim(wrapped[i]), shifts[i]);
                out = moved(out, a.shape(), step);
            }
        }
        long[] shiftsCopy = shifts.clone();
        long[] dimsCopy = dims.clone();
        return Autograd.record("roll", out, () -> new RollBackward0(shiftsCopy, dimsCopy), a);
    }

    /** Where each output index of a dimension of {@code size} rolled by {@code shift} takes its element from. */
    private static int[] rotation(int size, long shift) {
        int[] map = new int[size];
        long start = Math.floorMod(size - shift % size, size);
        for (int i = 0; i < size; i++) {
            map[i] = (int) ((start + i) % size);
        }
        return map;
    }

    /** d(roll a)/da = the gradient rolled back: shifts negated, shifts and dims in reverse order. */
    static final class RollBackward0 extends Node {
        private final long[] shifts;
        private final long[] dims;

        RollBackward0(long[] shifts, long[] dims) {
            this.shifts = shifts;
            this.dims = dims;
        }

        @Override
        public String name() {
            return "RollBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            long[] back = new long[shifts.length];
            long[] backDims = new long[dims.length];
            for (int i = 0; i < back.length; i++) {
                back[i] = -shifts[shifts.length - 1 - i];
            }
            for (int i = 0; i < backDims.length; i++) {
                backDims[i] = dims[dims.length - 1 - i];
            }
            return new Tensor[] {roll(grads[0], back, backDims)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dims", Arrays.stream(dims).boxed().toList());
            out.put("shifts", Arrays.stream(shifts).boxed().toList());
        }
    }

    // ----- tril, triu

    /** {@code t.tril(diagonal)} (lower) or {@code t.triu(diagonal)}: the last two dims' other triangle zeroed. */
    public static Tensor triangle(Tensor a, long diagonal, boolean lower) {
        String name = lower ? "tril" : "triu";
        if (a.dim() == 0) {
            throw TorchException.index("Dimension specified as -2 but tensor has no dimensions");
        }
        if (a.dim() < 2) {
            a.shape().normalizeDim(-2);
            throw TorchException.runtime(name + ": input tensor must have at least 2 dimensions");
        }
        int rows = a.shape().dim(a.dim() - 2);
        int cols = a.shape().dim(a.dim() - 1);
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            long col = i % cols;
            long row = (i / cols) % rows;
            boolean keep = lower ? col - row <= diagonal : col - row >= diagonal;
            r[i] = keep ? x[i] : 0;
        }
        Tensor out = Tensor.fromData(a.shape(), a.dtype(), r);
        return Autograd.record(name, out, () -> new TriangleBackward(diagonal, lower), a);
    }

    /** d(tril a)/da = the gradient's lower triangle (triu: upper). */
    static final class TriangleBackward extends Node {
        private final long diagonal;
        private final boolean lower;

        TriangleBackward(long diagonal, boolean lower) {
            this.diagonal = diagonal;
            this.lower = lower;
        }

        @Override
        public String name() {
            return lower ? "TrilBackward0" : "TriuBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {triangle(grads[0], diagonal, lower)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("diagonal", diagonal);
        }
    }
}
