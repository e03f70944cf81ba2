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

/**
 * The movements that change only the shape of a tensor ({@code view}, {@code reshape}, {@code flatten},
 * {@code squeeze}, {@code permute}) or repeat it ({@code expand}), each followed by its backward node. Each is a view
 * of its input's storage, as in PyTorch ({@link Tensor#asStrided}); {@code view} refuses what the strides cannot
 * view, where {@code reshape} copies.
 */
public final class Views {
    private Views() {
    }

    private static Tensor record(String op, Node node, Tensor out, Tensor a) {
        return Autograd.record(op, out, () -> node, a);
    }

    /** The same values under another shape, without recording (a gradient's reshape back). */
    static Tensor reshaped(Tensor a, Shape shape) {
        return a.copyAs(shape);
    }

    /** The gradient given the shape of the input again; recorded under create_graph, as PyTorch's view. */
    private static Tensor shapedBack(Tensor grad, Shape shape) {
        return org.gradviz.engine.GradMode.isEnabled() ? viewCopy(grad, shape) : reshaped(grad, shape);
    }

    // ----- view, reshape, flatten

    /** The shape {@code sizes} asks for, with one {@code -1} inferred, as PyTorch's {@code infer_size}. */
    public static Shape inferSize(long[] sizes, int numel) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                if (infer >= 0) {
                    throw TorchException.runtime("only one dimension can be inferred");
                }
                infer = i;
            } else if (sizes[i] < 0) {
                throw TorchException.runtime("invalid shape dimension " + sizes[i]);
            } else {
                known *= sizes[i];
            }
        }
        int[] dims = new int[sizes.length];
        if (infer >= 0 ? known == 0 || numel % known != 0 : known != numel) {
            throw TorchException.runtime("shape '" + java.util.Arrays.toString(sizes).replace(" ", "")
                    .replace(",", ", ") + "' is invalid for input of size " + numel);
        }
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i == infer ? (int) (numel / known) : (int) sizes[i];
        }
        return Shape.of(dims);
    }

    /** {@code t.view(*sizes)}: a view, sharing t's values, or torch's error when t's strides cannot be viewed so. */
    public static Tensor view(Tensor a, Shape shape) {
        Tensor v = Tensor.viewOf(a, shape);
        if (v == null) {
            throw TorchException.runtime("view size is not compatible with input tensor's size and stride (at least one"
                    + " dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return record("view", new ShapeBackward("ViewBackward0", a.shape()), v, a);
    }

    /**
     * {@code t.reshape(*sizes)}: a view where the strides allow (ReshapeAliasBackward0), else, as torch's
     * {@code _unsafe_view(clone)}, a copy (UnsafeViewBackward0 after CloneBackward0).
     */
    public static Tensor reshape(Tensor a, Shape shape) {
        Tensor v = Tensor.viewOf(a, shape);
        if (v != null) {
            return record("reshape", new ShapeBackward("ReshapeAliasBackward0", a.shape()), v, a);
        }
        Tensor copy = Pointwise.clone(a);
        return record("reshape", new ShapeBackward("UnsafeViewBackward0", copy.shape()), reshaped(copy, shape), copy);
    }

    /** {@code t.contiguous()}: t itself when its elements are in order in its storage, else a copy (CloneBackward0). */
    public static Tensor contiguous(Tensor a) {
        return a.isContiguous() ? a : Pointwise.clone(a);
    }

    /** A view of {@code a} without dimension {@code d} if it has size 1 (squeeze's geometry). */
    private static Tensor withoutOnes(Tensor a, boolean[] drop) {
        int[] strides = a.strides();
        List<Integer> dims = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int d = 0; d < a.dim(); d++) {
            if (!drop[d]) {
                dims.add(a.shape().dim(d));
                kept.add(strides[d]);
            }
        }
        return Tensor.asStrided(a, Shape.of(dims), kept.stream().mapToInt(Integer::intValue).toArray(),
                a.storageOffset());
    }

    /** torch's {@code _unsafe_view} (matmul's last step): the values under another shape, UnsafeViewBackward0. */
    static Tensor unsafeView(Tensor a, Shape shape) {
        return record("_unsafe_view", new ShapeBackward("UnsafeViewBackward0", a.shape()), reshaped(a, shape), a);
    }

    /** As {@link #view} on a copy: a gradient reshaped in a recorded chain rule, which nothing else sees. */
    static Tensor viewCopy(Tensor a, Shape shape) {
        return record("view", new ShapeBackward("ViewBackward0", a.shape()), reshaped(a, shape), a);
    }

    /** {@code t.flatten(start_dim, end_dim)}: the tensor itself when nothing is merged, as PyTorch. */
    public static Tensor flatten(Tensor a, long startDim, long endDim) {
        if (a.dim() == 0) {
            return reshape(a, Shape.of(1));
        }
        int start = a.shape().normalizeDim(startDim);
        int end = a.shape().normalizeDim(endDim);
        if (start > end) {
            throw TorchException.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return a;
        }
        List<Integer> dims = new ArrayList<>();
        int merged = 1;
        for (int i = 0; i < a.dim(); i++) {
            if (i < start || i > end) {
                dims.add(a.shape().dim(i));
            } else {
                merged *= a.shape().dim(i);
                if (i == end) {
                    dims.add(merged);
                }
            }
        }
        return reshape(a, Shape.of(dims));
    }

    /** The backward of a reshape: the gradient in the input's shape again. */
    static final class ShapeBackward extends Node {
        private final String name;
        private final Shape selfSizes;

        ShapeBackward(String name, Shape selfSizes) {
            this.name = name;
            this.selfSizes = selfSizes;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {reshaped(grads[0], selfSizes)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {shapedBack(grads[0], selfSizes)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    // ----- squeeze

    /** {@code t.squeeze()}: every dimension of size 1 removed (SqueezeBackward0). */
    public static Tensor squeeze(Tensor a) {
        boolean[] drop = new boolean[a.dim()];
        for (int d = 0; d < a.dim(); d++) {
            drop[d] = a.shape().dim(d) == 1;
        }
        return record("squeeze", new SqueezeBackward("SqueezeBackward0", a.shape(), null), withoutOnes(a, drop), a);
    }

    /** {@code t.squeeze(dim)}: that dimension removed if its size is 1 (SqueezeBackward1 either way). */
    public static Tensor squeeze(Tensor a, long dim) {
        int d = a.dim() == 0 ? Shape.of(1).normalizeDim(dim) : a.shape().normalizeDim(dim);
        boolean[] drop = new boolean[a.dim()];
        if (a.dim() > 0) {
            drop[d] = a.shape().dim(d) == 1;
        }
        return record("squeeze", new SqueezeBackward("SqueezeBackward1", a.shape(), (long) d), withoutOnes(a, drop),
                a);
    }

    /** d(squeeze a)/da: the gradient with the squeezed dimensions put back. */
    static final class SqueezeBackward extends Node {
        private final String name;
        private final Shape selfSizes;
        private final Long dim;

        SqueezeBackward(String name, Shape selfSizes, Long dim) {
            this.name = name;
            this.selfSizes = selfSizes;
            this.dim = dim;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {reshaped(grads[0], selfSizes)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {shapedBack(grads[0], selfSizes)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            if (dim != null) {
                out.put("dim", dim);
            }
            out.put("self_sym_sizes", Reductions.sizes(selfSizes));
        }
    }

    // ----- permute

    /** {@code t.permute(*dims)}. */
    public static Tensor permute(Tensor a, long[] dims) {
        if (dims.length != a.dim()) {
            throw TorchException.runtime("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + a.dim()
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] order = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            order[i] = a.shape().normalizeDim(dims[i]);
            if (seen[order[i]]) {
                throw TorchException.runtime("permute(): duplicate dims are not allowed.");
            }
            seen[order[i]] = true;
        }
        Tensor out = LinearAlgebra.permutedView(a, order);
        return record("permute", new LinearAlgebra.PermuteBackward0(order), out, a);
    }

    // ----- expand

    /** {@code t.expand(*sizes)}: -1 keeps a size; new leading dimensions repeat the tensor. */
    public static Tensor expand(Tensor a, long[] sizes) {
        if (sizes.length < a.dim()) {
            throw TorchException.runtime("expand(" + typeName(a) + "{" + a.shape().listText() + "}, size="
                    + java.util.Arrays.toString(sizes).replace(" ", "") + "): the number of sizes provided ("
                    + sizes.length + ") must be greater or equal to the number of dimensions in the tensor ("
                    + a.dim() + ")");
        }
        int lead = sizes.length - a.dim();
        int[] dims = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int own = i < lead ? -1 : a.shape().dim(i - lead);
            long want = sizes[i];
            if (want == -1) {
                if (i < lead) {
                    throw TorchException.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, "
                            + "non-existing dimension " + i);
                }
                want = own;
            } else if (i >= lead && own != 1 && own != want) {
                throw TorchException.runtime("The expanded size of the tensor (" + want + ") must match the existing "
                        + "size (" + own + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + java.util.Arrays.toString(sizes) + ".  Tensor sizes: " + a.shape().listText());
            }
            dims[i] = (int) want;
        }
        // NOTE: a view whose repeated dimensions have stride 0 (writing into it is torch's overlap error)
        int[] own = a.strides();
        int[] strides = new int[dims.length];
        for (int i = lead; i < dims.length; i++) {
            strides[i] = a.shape().dim(i - lead) == dims[i] ? own[i - lead] : 0;
        }
        Tensor out = Tensor.asStrided(a, Shape.of(dims), strides, a.storageOffset());
        return record("expand", new ExpandBackward0(a), out, a);
    }

    /** {@code a} repeated to {@code shape} (broadcasting's expand), recorded as ExpandBackward0. */
    public static Tensor expandTo(Tensor a, Shape shape) {
        Tensor out = Tensor.fromData(shape, a.dtype(), Broadcast.expand(a, shape));
        return record("expand", new ExpandBackward0(a), out, a);
    }

    /** d(expand a)/da: the gradient summed back over the repeated dimensions. */
    static final class ExpandBackward0 extends Node {
        private final InputMeta self;

        ExpandBackward0(Tensor a) {
            self = InputMeta.of(a);
        }

        @Override
        public String name() {
            return "ExpandBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {self.reduce(grads[0])};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return new Tensor[] {sumTo(grads[0], self.shape(), self.dtype())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("self_sym_sizes", Reductions.sizes(self.shape()));
        }
    }

    // ----- copy

    /**
     * A copy of {@code a} that stays in the graph (CopyBackwards): what {@code .grad} holds after a first
     * {@code backward(create_graph=True)}.
     */
    public static Tensor copy(Tensor a) {
        return record("copy_", new CopyBackwards(), a.copyAs(a.shape()), a);
    }

    /**
     * {@code self.copy_(src)}'s value, out of place: src broadcast to self's shape, in self's dtype, recorded as
     * CopyBackwards of (self, src), which an in-place assignment of self then takes.
     */
    public static Tensor copied(Tensor self, Tensor src) {
        Tensor out = Tensor.fromData(self.shape(), self.dtype(),
                Broadcast.expand(src, Broadcast.inPlace(self.shape(), src.shape())));
        return Autograd.record("copy_", out, () -> new CopyFromBackwards(src),
                new Tensor[] {self, src.isWrappedNumber() ? null : src}, new Tensor[] {self, src});
    }

    /** d(self.copy_(src))/dself = 0, d/dsrc = 1 summed back to src's shape. */
    static final class CopyFromBackwards extends Node {
        private final InputMeta src;

        CopyFromBackwards(Tensor src) {
            this.src = InputMeta.of(src);
        }

        @Override
        public String name() {
            return "CopyBackwards";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? Tensor.fromData(g.shape(), g.dtype(), new double[g.numel()]) : null,
                needsInputGrad(1) ? src.reduce(g) : null,
            };
        }
    }

    /** d(copy a)/da = 1. */
    static final class CopyBackwards extends Node {
        @Override
        public String name() {
            return "CopyBackwards";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {grads[0]};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }
    }

    // ----- sum_to, the reverse of expand, recorded

    /**
     * {@link Broadcast#sumTo} recorded for {@code create_graph}: the same numbers, with a node whose backward
     * expands the gradient again. PyTorch records {@code sum(dims, keepdim=True)} and, when leading dimensions go,
     * a {@code view}; gradviz records one node under the name of the last of them.
     */
    static Tensor sumTo(Tensor grad, Shape shape, DType dtype) {
        if (grad.shape().equals(shape)) {
            return grad.dtype() == dtype ? grad : Conversion.to(grad, dtype);
        }
        if (shape.rank() == 0) { // NOTE: sum_to a 0-d shape is a plain sum() in PyTorch
            return record("sum", new SumToBackward("SumBackward0", grad), Broadcast.sumTo(grad, shape, dtype), grad);
        }
        // torch's sum_to: sum(dims, keepdim=True) over the leading and broadcast dimensions, then a view without the
        // leading ones
        Shape kept = alignedTo(shape, grad.shape());
        Tensor summed = kept.equals(grad.shape()) ? grad
                : record("sum", new SumToBackward("SumBackward1", grad), Broadcast.sumTo(grad, kept, dtype), grad);
        Tensor reduced = kept.equals(shape) ? summed : view(summed, shape);
        return reduced.dtype() == dtype ? reduced : Conversion.to(reduced, dtype);
    }

    /** d(sum_to g)/dg: the gradient expanded to g's shape. */
    static final class SumToBackward extends Node {
        private final String name;
        private final InputMeta self;

        SumToBackward(String name, Tensor g) {
            this.name = name;
            this.self = InputMeta.of(g);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Shape from = g.shape();
            Shape aligned = alignedTo(from, self.shape());
            Tensor lifted = Tensor.fromData(aligned, g.dtype(), g.data());
            return new Tensor[] {Tensor.fromData(self.shape(), g.dtype(), Broadcast.expand(lifted, self.shape()))};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor g = grads[0];
            Shape aligned = alignedTo(g.shape(), self.shape());
            Tensor lifted = aligned.equals(g.shape()) ? g : view(g, aligned);
            return new Tensor[] {expandTo(lifted, self.shape())};
        }
    }

    /** {@code small} with leading 1s up to the rank of {@code big}. */
    private static Shape alignedTo(Shape small, Shape big) {
        int[] dims = new int[big.rank()];
        int lead = big.rank() - small.rank();
        for (int i = 0; i < dims.length; i++) {
            dims[i] = i < lead ? 1 : small.dim(i - lead);
        }
        return Shape.of(dims);
    }

    private static String typeName(Tensor a) {
        return a.dtype().legacyTypeName();
    }
}
