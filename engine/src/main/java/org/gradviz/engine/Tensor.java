package org.gradviz.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.gradviz.engine.format.TensorFormatter;
import org.gradviz.engine.kernels.FloatArrays;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.Reductions;

/**
 * An n-dimensional array of numbers, row-major, that can record the operations made on it so that
 * {@link #backward()} computes gradients exactly as {@code torch.autograd} does.
 *
 * <p>A float32 tensor holds its values as {@code float[]}, every other dtype as {@code double[]} (int64 and bool as
 * whole numbers, rounded to the dtype after every op), so each tensor holds exactly the numbers PyTorch would.
 * Ops with a float32 kernel read {@link #floats()}; the others read {@link #data()}, the values widened to doubles.
 */
public final class Tensor {
    private final Shape shape;
    /** Final but for {@link #setData}, which gives a leaf new values of another type, as torch's set_data. */
    private DType dtype;
    /**
     * The values of every dtype but float32, row-major; null for float32. For a tensor over its whole storage in
     * order this is the storage's own array; for a strided view, a copy of its elements, taken again when stale.
     */
    private double[] data;
    /** The values of a float32 tensor, as {@link #data}; null for every other dtype. */
    private float[] floats;
    private final boolean wrappedNumber;
    /**
     * The values this tensor reads and writes, shared with its views, detach() and .data; made when the first of
     * them is, so that a tensor nothing shares costs nothing more.
     */
    private SharedValues storage;
    /** Where this tensor's first element is in its storage. */
    private final int offset;
    /** How far apart its elements are in its storage per dimension; null for the whole storage in row-major order. */
    private final int[] strides;
    /** For a strided view: the storage's write count when {@link #data} or {@link #floats} was copied from it. */
    private int copiedAt;

    private boolean requiresGrad;
    private Node gradFn;
    /** Which output of {@link #gradFn} this tensor is (0 but for a node with several outputs). */
    private int outputNr;
    private Tensor grad;
    private AccumulateGrad gradAccumulator;
    private boolean retainsGrad;
    /** The hooks of {@link #registerHook}: one pre-hook of the node, placed where the first one was registered. */
    private List<GradientHook> hooks;
    /**
     * The version counter ({@code _version}), one cell shared by a tensor, its views and {@code detach()}, as in
     * PyTorch ({@code .data} has its own).
     */
    private final int[] version;
    /** The tensor whose storage this view shares ({@code t._base}: never itself a view), or null. */
    private final Tensor base;
    /** For a gradient torch holds as an expanded view: the values it expands ({@link #expandedGradient}). */
    private Tensor expandedFrom;
    /** For a view: the version when its grad_fn was set; another means it changed in place since. */
    private int gradFnVersion;
    /** For a view: whether grad mode was on when it was made (torch refuses in-place changes in a graph else). */
    private final boolean madeWithGrad;

    private Tensor(Shape shape, DType dtype, double[] data, float[] floats, boolean wrappedNumber) {
        int length = floats != null ? floats.length : data.length;
        if (length != shape.numel()) {
            throw new IllegalArgumentException(length + " values for shape " + shape);
        }
        this.shape = shape;
        this.dtype = dtype;
        this.data = data;
        this.floats = floats;
        this.wrappedNumber = wrappedNumber;
        this.offset = 0;
        this.strides = null;
        this.base = null;
        this.version = new int[1];
        this.madeWithGrad = true;
    }

    /** A tensor over the storage of {@code of}: {@code shape} at {@code offset} with {@code strides} (null: all of it). */
    private Tensor(Tensor of, Tensor base, Shape shape, int offset, int[] strides, int[] version) {
        this.shape = shape;
        this.dtype = of.dtype;
        this.wrappedNumber = false;
        this.storage = of.sharedStorage();
        this.offset = offset;
        this.strides = strides;
        this.base = base;
        this.version = version;
        this.gradFnVersion = version[0];
        this.madeWithGrad = GradMode.isEnabled();
        // NOTE: as torch, a view made under no_grad of a tensor that requires grad requires grad too (a leaf)
        this.requiresGrad = base != null && !madeWithGrad && of.requiresGrad;
        if (strides == null) {
            this.data = storage.data;
            this.floats = storage.floats;
        } else {
            copyFromStorage();
        }
    }

    /**
     * A view of {@code of} under another shape with as many elements: the same values (an in-place change of either
     * is seen by both) and the same version counter, as PyTorch's {@code view}; null when {@code of}'s strides
     * cannot be viewed so (torch's {@code computeStride}), where {@code view} refuses and {@code reshape} copies.
     */
    public static Tensor viewOf(Tensor of, Shape shape) {
        int[] newStrides = ViewGeometry.computeStride(of.shape, of.strides(), shape);
        return newStrides == null ? null : asStrided(of, shape, newStrides, of.offset);
    }

    /**
     * A view of {@code of}'s storage ({@code as_strided}): {@code shape} with {@code strides} from {@code offset},
     * all counted in elements of the storage. It shares {@code of}'s values and version counter; its
     * {@code _base} is {@code of}'s base, or {@code of}.
     */
    public static Tensor asStrided(Tensor of, Shape shape, int[] strides, int offset) {
        Tensor root = of.base != null ? of.base : of;
        boolean whole = offset == 0 && shape.numel() == of.sharedStorage().length()
                && ViewGeometry.isContiguous(shape, strides);
        return new Tensor(of, root, shape, offset, whole ? null : strides.clone(), of.version);
    }

    /**
     * A new leaf tensor over {@code data}, rounded to {@code dtype}: it takes ownership of the array, except for float32,
     * whose values it narrows into a {@code float[]} of its own. Ops use this to wrap their results.
     */
    public static Tensor fromData(Shape shape, DType dtype, double[] data) {
        if (dtype == DType.FLOAT32) {
            return new Tensor(shape, dtype, null, FloatArrays.narrowed(data), false);
        }
        return new Tensor(shape, dtype, dtype.roundAll(data), null, false);
    }

    /**
     * {@code source} (of the same rank, some dimensions 1) spread over {@code shape}, as a gradient that torch's
     * backward returns as an expanded view ({@code grad.expand(sizes)} in sum's backward): stored in full here, but
     * remembering its source, so that a kernel whose arithmetic follows the memory layout (batch norm's backward
     * takes its strided loops, and sums such a view in torch's order) can tell ({@link #expandedSource}).
     */
    public static Tensor expandedGradient(Shape shape, Tensor source, double[] values) {
        Tensor t = fromData(shape, source.dtype(), values);
        t.expandedFrom = source;
        return t;
    }

    /** The values an expanded gradient spreads ({@link #expandedGradient}), or null for a tensor laid out in full. */
    public Tensor expandedSource() {
        return expandedFrom;
    }

    /** A new float32 leaf tensor over {@code values}, which it takes ownership of. Float32 kernels wrap results so. */
    public static Tensor fromFloats(Shape shape, float[] values) {
        return new Tensor(shape, DType.FLOAT32, null, values, false);
    }

    /** A Python number used as an operand, as PyTorch wraps it: 0-d, int64 or float64, never promoting. */
    public static Tensor wrappedNumber(double value, boolean isInteger) {
        return new Tensor(Shape.SCALAR, isInteger ? DType.INT64 : DType.FLOAT64, new double[] {value}, null, true);
    }

    /** A wrapped number of a chosen type, e.g. an int operand of true division as the default float. */
    public static Tensor wrappedNumber(double value, DType dtype) {
        return dtype == DType.FLOAT32 ? new Tensor(Shape.SCALAR, dtype, null, new float[] {(float) value}, true)
                : new Tensor(Shape.SCALAR, dtype, new double[] {dtype.round(value)}, null, true);
    }

    /** A Python bool used as an operand: a wrapped number of type bool, which only a bool tensor keeps. */
    public static Tensor wrappedBool(boolean value) {
        return new Tensor(Shape.SCALAR, DType.BOOL, new double[] {value ? 1 : 0}, null, true);
    }

    // ----- what it is

    public Shape shape() {
        return shape;
    }

    /** {@code t.size()}: the sizes as an int array. */
    public int[] size() {
        return shape.dims();
    }

    public int dim() {
        return shape.rank();
    }

    public int numel() {
        return shape.numel();
    }

    public DType dtype() {
        return dtype;
    }

    /** True for a Python number wrapped as an operand; such tensors do not take part in type promotion. */
    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /**
     * The values in row-major order, as doubles. For every dtype but float32 this is the tensor's own storage, handed
     * out for speed: callers must not modify it. For float32 it is a new array of the values widened.
     */
    public double[] data() {
        refresh();
        return floats != null ? FloatArrays.widened(floats) : data;
    }

    /**
     * The values of a float32 tensor in row-major order: its own storage, handed out for speed (callers must not
     * modify it). For another dtype, a new array of its values rounded to float32.
     */
    public float[] floats() {
        refresh();
        return floats != null ? floats : FloatArrays.narrowed(data);
    }

    /** The element at flat (row-major) position {@code i}. */
    double at(int i) {
        refresh();
        return floats != null ? floats[i] : data[i];
    }

    // ----- storage: views, strides, writes

    /**
     * The float array under this float32 tensor's values, which its views share (for a strided view, its storage's,
     * not its own copy of its elements); null for another dtype.
     */
    float[] sharedFloats() {
        return storage != null ? storage.floats : floats;
    }

    /** The storage this tensor shares, made now if nothing shared it yet. */
    private SharedValues sharedStorage() {
        if (storage == null) {
            storage = new SharedValues(data, floats);
        }
        return storage;
    }

    /** A strided view's copy of its elements taken again when the storage was written since. */
    private void refresh() {
        if (strides != null && copiedAt != storage.writes) {
            copyFromStorage();
        }
    }

    /** Copies this strided view's elements out of the storage, in row-major order, into new arrays. */
    private void copyFromStorage() {
        int[] at = ViewGeometry.positions(shape, strides, offset);
        if (storage.floats != null) {
            float[] out = new float[at.length];
            for (int i = 0; i < at.length; i++) {
                out[i] = storage.floats[at[i]];
            }
            floats = out;
        } else {
            double[] out = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                out[i] = storage.data[at[i]];
            }
            data = out;
        }
        copiedAt = storage.writes;
    }

    /**
     * Before an in-place write: the current values to write into, or torch's error when several elements of this
     * tensor are one element of the storage (an expanded tensor).
     */
    private void beginWrite() {
        if (strides != null) {
            refresh();
            if (ViewGeometry.overlaps(shape, strides)) {
                throw TorchException.runtime("unsupported operation: more than one element of the written-to tensor "
                        + "refers to a single memory location. Please clone() the tensor before performing the "
                        + "operation.");
            }
        }
    }

    /** After an in-place write: a strided view's values written back to the storage; the version bumped. */
    private void endWrite() {
        if (strides != null) {
            int[] at = ViewGeometry.positions(shape, strides, offset);
            for (int i = 0; i < at.length; i++) {
                if (floats != null) {
                    storage.floats[at[i]] = floats[i];
                } else {
                    storage.data[at[i]] = data[i];
                }
            }
        }
        if (storage != null) {
            storage.writes++;
            copiedAt = storage.writes;
        }
        version[0]++;
    }

    /** {@code t.stride()}: how far apart its elements are in its storage, per dimension. */
    public int[] strides() {
        return strides != null ? strides.clone() : shape.strides();
    }

    /** {@code t.storage_offset()}. */
    public int storageOffset() {
        return offset;
    }

    /** {@code t.is_contiguous()}: its elements in row-major order, one after the other, in its storage. */
    public boolean isContiguous() {
        return strides == null || ViewGeometry.isContiguous(shape, strides);
    }

    /** {@code t._base}: the tensor whose storage this view shares, or null. */
    public Tensor base() {
        return base;
    }

    /**
     * {@code t.data_ptr()}: an address of its first element, as torch's: its storage's (a made-up, 64-byte aligned
     * one, the same for all tensors over that storage) plus its offset in bytes of its dtype.
     */
    public long dataPtr() {
        long start = 0x7f0000000000L + ((System.identityHashCode(sharedStorage()) & 0xffffffL) << 12);
        return start + (long) offset * dtype.itemSize();
    }

    /** Whether {@code other} reads and writes the same storage as this tensor. */
    public boolean sharesStorageWith(Tensor other) {
        return sharedStorage() == other.sharedStorage();
    }

    /**
     * {@code t.data}: the same values, a leaf that does not require grad, with a version counter of its own, so
     * that changing it in place is not seen by autograd.
     */
    public Tensor dataAlias() {
        return new Tensor(this, null, shape, offset, strides, new int[1]);
    }

    /**
     * {@code t.data = values} (torch's {@code set_data}), as {@code module.double()} does to each parameter: this
     * leaf keeps its identity, its grad flag and its version counter but now reads new storage holding a copy of
     * {@code values}, of their dtype; views taken of it before keep the old storage, as in torch. Its {@code .grad},
     * if any, is converted to the new dtype alongside, as {@code Module._apply} does.
     */
    public void setData(Tensor values) {
        if (base != null || strides != null || offset != 0 || !isLeaf()) {
            throw TorchException.runtime("set_data is only supported here on a leaf tensor that is not a view");
        }
        if (!values.shape.equals(shape)) {
            throw TorchException.runtime("set_data to values of shape " + values.shape + " on a tensor of shape "
                    + shape + " is not supported");
        }
        if (requiresGrad && !values.dtype.isFloatingPoint()) {
            throw TorchException.runtime("data set to a tensor that requires gradients must be floating point or "
                    + "complex dtype");
        }
        dtype = values.dtype;
        float[] newFloats = values.dtype == DType.FLOAT32 ? values.floats().clone() : null;
        data = newFloats == null ? values.data().clone() : null;
        floats = newFloats;
        storage = null;
        if (grad != null && grad.dtype != dtype) {
            grad = Tensor.fromData(grad.shape, dtype, dtype.roundAll(grad.data().clone()));
        }
    }

    /** The element at {@code index} (one index per dimension). */
    public double get(int... index) {
        if (index.length != shape.rank()) {
            throw TorchException.index("expected " + shape.rank() + " indices, got " + index.length);
        }
        int[] strides = shape.strides();
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            int k = index[i] < 0 ? index[i] + shape.dim(i) : index[i];
            if (k < 0 || k >= shape.dim(i)) {
                throw TorchException.index("index " + index[i] + " is out of bounds for dimension " + i
                        + " with size " + shape.dim(i));
            }
            flat += k * strides[i];
        }
        return at(flat);
    }

    /** {@code t.item()}: the only value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw TorchException.value("only one element tensors can be converted to Python scalars");
        }
        return at(0);
    }

    /** {@code t.tolist()}: a Double (0-d) or nested lists of Double, of Long for integer tensors, of Boolean for bool. */
    public Object tolist() {
        return tolist(0, 0);
    }

    private Object tolist(int dim, int offset) {
        if (dim == shape.rank()) {
            if (dtype == DType.BOOL) {
                return at(offset) != 0.0;
            }
            return dtype.isFloatingPoint() ? (Object) at(offset) : (Object) (long) at(offset);
        }
        int stride = 1;
        for (int i = dim + 1; i < shape.rank(); i++) {
            stride *= shape.dim(i);
        }
        List<Object> out = new ArrayList<>(shape.dim(dim));
        for (int i = 0; i < shape.dim(dim); i++) {
            out.add(tolist(dim + 1, offset + i * stride));
        }
        return out;
    }

    // ----- autograd state

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** {@code t.requires_grad_(b)}: only on leaves, only for floating-point tensors, as in PyTorch. */
    public Tensor requiresGrad_(boolean value) {
        if (!isLeaf()) {
            if (!value) {
                throw TorchException.runtime("you can only change requires_grad flags of leaf variables. If you want"
                        + " to use a computed variable in a subgraph that doesn't require differentiation use "
                        + "var_no_grad = var.detach().");
            }
            return this;
        }
        if (value && !dtype.isFloatingPoint()) {
            throw TorchException.runtime("only Tensors of floating point dtype can require gradients");
        }
        requiresGrad = value;
        return this;
    }

    /** True for tensors that no recorded op produced (grad_fn is None). */
    public boolean isLeaf() {
        return gradFn() == null;
    }

    /**
     * The backward node that produced this tensor, or null for a leaf. For a view of a base that requires grad,
     * changed in place since its grad_fn was set, an {@code AsStridedBackward0} into the base's grad_fn, as
     * PyTorch regenerates it.
     */
    public Node gradFn() {
        if (base != null && gradFnVersion != version[0] && requiresGrad && base.requiresGrad && madeWithGrad) {
            Node node = new ViewBackward.AsStridedBackward0(base.shape, shape, strides(), offset);
            node.setNextEdges(List.of(Autograd.gradientEdge(base)));
            gradFn = node;
            outputNr = 0;
            gradFnVersion = version[0];
        }
        return gradFn;
    }

    /**
     * {@code t.grad}: null until a backward reaches this leaf. On a non-leaf that does not retain its
     * gradient, PyTorch's UserWarning is issued and null returned.
     */
    public Tensor grad() {
        if (!isLeaf() && !retainsGrad && grad == null) {
            Warnings.warn(Warnings.NON_LEAF_GRAD);
        }
        return grad;
    }

    /** {@code .grad} without the non-leaf warning (for inspection by the app). */
    public Tensor gradOrNull() {
        return grad;
    }

    /** {@code t.grad = g} ({@code null} clears it, as {@code w.grad = None}). */
    public void setGrad(Tensor g) {
        if (g != null && !g.shape.equals(shape)) {
            throw TorchException.runtime("assigned grad has data of a different size");
        }
        this.grad = g;
    }

    /** {@code t.retain_grad()}: keep {@code .grad} for a non-leaf too. No-op on leaves. */
    public void retainGrad() {
        if (isLeaf()) {
            if (!requiresGrad) {
                throw TorchException.runtime("can't retain_grad on Tensor that has requires_grad=False");
            }
            return;
        }
        retainsGrad = true;
        gradFn.retainGradFor(this);
    }

    /**
     * {@code t.register_hook(hook)}: {@code hook} sees (and may replace) the gradient computed for this tensor, when
     * the backward pass reaches it, before {@code .grad} is written or retained.
     */
    public GradientHook.Handle registerHook(GradientHook hook) {
        if (!requiresGrad) {
            throw TorchException.runtime("cannot register a hook on a tensor that doesn't require gradient");
        }
        if (hooks == null) {
            List<GradientHook> group = new ArrayList<>(1);
            hooks = group;
            // NOTE: as PyTorch 1.13, a tensor's hooks run as one pre-hook, at the place of the first of them
            (isLeaf() ? gradAccumulator() : gradFn).addPreHook(outputNr, grad -> {
                Tensor g = grad;
                for (GradientHook h : List.copyOf(group)) {
                    Tensor replaced = h.apply(g);
                    if (replaced != null) {
                        g = replaced;
                    }
                }
                return g;
            });
        }
        List<GradientHook> group = hooks;
        group.add(hook);
        return () -> group.remove(hook);
    }

    /** {@code t.retains_grad}. */
    public boolean retainsGrad() {
        return retainsGrad;
    }

    /**
     * {@code t.detach()}: the same values and version counter, cut from the graph (a new leaf that does not require
     * grad); an in-place change of either is seen by the other.
     */
    public Tensor detach() {
        return new Tensor(this, null, shape, offset, strides, version);
    }

    /** {@code t.detach_()}: this tensor cut from its graph in place, a leaf that does not require grad. */
    public Tensor detach_() {
        if (base != null) {
            throw TorchException.runtime("Can't detach views in-place. Use detach() instead. If you are using "
                    + "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, "
                    + "gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. "
                    + "To fix this error, please refer to the Optimizer.zero_grad() function in "
                    + "torch/optim/optimizer.py as the solution.");
        }
        gradFn = null;
        outputNr = 0;
        requiresGrad = false;
        return this;
    }

    /** A copy of the values as a new leaf that does not require grad. */
    public Tensor detachedCopy() {
        return copyAs(shape);
    }

    /** A copy of the values, in the same dtype, as a new leaf of {@code shape} (same element count). */
    public Tensor copyAs(Shape shape) {
        refresh();
        return new Tensor(shape, dtype, data == null ? null : data.clone(), floats == null ? null : floats.clone(),
                false);
    }

    /** The number of in-place modifications made to this tensor (PyTorch's {@code _version}). */
    public int version() {
        return version[0];
    }

    /** The AccumulateGrad node of a leaf that requires grad (created once, then shared). */
    public AccumulateGrad gradAccumulator() {
        if (gradAccumulator == null) {
            gradAccumulator = new AccumulateGrad(this);
        }
        return gradAccumulator;
    }

    /** {@code t.output_nr}: which output of its grad_fn this tensor is. */
    public int outputNr() {
        return outputNr;
    }

    void setGradFn(Node node) {
        setGradFn(node, 0);
    }

    void setGradFn(Node node, int outputNr) {
        this.outputNr = outputNr;
        this.gradFn = node;
        this.requiresGrad = true;
    }

    void setGradInternal(Tensor g) {
        this.grad = g;
    }

    void retainGradient(Tensor incoming) {
        if (incoming == null) {
            return;
        }
        Tensor before = grad;
        grad = grad == null ? incoming.detachedCopy() : grad.plainAdd(incoming);
        if (Autograd.hasListeners()) {
            Autograd.fireRetainedGradUpdated(this, before, grad);
        }
    }

    /** this + other for tensors of the same shape, without recording; used to sum gradients. */
    Tensor plainAdd(Tensor other) {
        refresh();
        other.refresh();
        if (floats != null && other.floats != null) {
            float[] out = floats.clone();
            FloatArrays.addInto(out, other.floats);
            return fromFloats(shape, out);
        }
        double[] out = floats != null ? FloatArrays.widened(floats) : data.clone();
        double[] o = other.data();
        for (int i = 0; i < out.length; i++) {
            out[i] += o[i];
        }
        return fromData(shape, DType.promote(dtype, other.dtype), out);
    }

    /** Adds {@code other} (same shape) into this tensor's values, without recording. */
    void addInPlaceInternal(Tensor other) {
        beginWrite();
        other.refresh();
        if (floats != null && other.floats != null) {
            FloatArrays.addInto(floats, other.floats);
        } else if (floats != null) {
            double[] o = other.data();
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) (floats[i] + o[i]);
            }
        } else {
            double[] o = other.data();
            for (int i = 0; i < data.length; i++) {
                data[i] = dtype.round(data[i] + o[i]);
            }
        }
        endWrite();
    }

    // ----- backward

    /** {@code t.backward()}: the implicit gradient 1, only for a one-element output. */
    public void backward() {
        backward(null, false);
    }

    /** {@code t.backward(gradient)}: the vector-Jacobian product with {@code gradient}. */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /** {@code t.backward(gradient, retain_graph)}; {@code gradient} may be null for a scalar. */
    public void backward(Tensor gradient, boolean retainGraph) {
        if (!requiresGrad) {
            throw TorchException.runtime("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        Tensor seed = gradient;
        if (seed == null) {
            if (numel() != 1) {
                throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
            }
            seed = Torch.onesLike(this);
        } else if (!seed.shape.equals(shape)) {
            throw TorchException.runtime("Mismatch in shape: grad_output[0] has a shape of " + seed.shape
                    + " and output[0] has a shape of " + shape + ".");
        }
        Edge root = Autograd.gradientEdge(this);
        if (Autograd.hasListeners()) {
            Autograd.fireBackwardStarted(this, seed);
        }
        try (var g = GradMode.disabled()) {
            new GraphTask(retainGraph).execute(root, seed);
        } catch (RuntimeException e) {
            if (Autograd.hasListeners()) {
                Autograd.fireBackwardFinished(this, e);
            }
            throw e;
        }
        if (Autograd.hasListeners()) {
            Autograd.fireBackwardFinished(this, null);
        }
    }

    // ----- in-place

    /** {@code t.zero_()}. */
    public Tensor zero_() {
        checkInPlaceAllowed();
        beginWrite();
        if (floats != null) {
            java.util.Arrays.fill(floats, 0f);
        } else {
            java.util.Arrays.fill(data, 0.0);
        }
        endWrite();
        return this;
    }

    /**
     * An optimiser's step, which no graph records: {@code float32} changes a float32 tensor's values in place,
     * {@code others} those of any other dtype (as doubles), in the tensor's storage (a strided view's values are written
     * back to it). The version counter goes up by {@code inPlaceOps}, once per torch in-place op the step stands for
     * (AdamW's {@code param.mul_} and {@code param.addcdiv_} are two).
     */
    public Tensor updateInPlace(int inPlaceOps, Consumer<float[]> float32, Consumer<double[]> others) {
        checkInPlaceAllowed();
        beginWrite();
        if (floats != null) {
            float32.accept(floats);
        } else {
            others.accept(data);
            dtype.roundAll(data);
        }
        endWrite();
        version[0] += inPlaceOps - 1;
        return this;
    }

    /**
     * {@code t += other} (and {@code -=}, {@code *=}, {@code t.add_(...)}) through {@code result}, the out-of-place
     * value: written into t's storage, so its views and base see it. In a graph, t takes result's grad_fn; on a view,
     * as PyTorch, the base takes a {@code CopySlices} of it and the view an {@code AsStridedBackward0}.
     */
    public Tensor assignInPlace(Tensor result) {
        checkInPlaceAllowed();
        if (!result.shape.equals(shape)) {
            throw TorchException.runtime("output with shape " + shape.listText()
                    + " doesn't match the broadcast shape " + result.shape.listText());
        }
        boolean recorded = result.gradFn != null && GradMode.isEnabled();
        if (result.gradFn != null) {
            result.gradFn.snapshotSavedInputs(this);
        }
        beginWrite();
        if (floats != null) {
            if (result.floats != null) {
                System.arraycopy(result.floats(), 0, floats, 0, floats.length);
            } else {
                FloatArrays.narrowInto(result.data(), floats);
            }
        } else {
            System.arraycopy(result.data(), 0, data, 0, data.length);
            dtype.roundAll(data);
        }
        endWrite();
        if (recorded && base != null) {
            ViewBackward.rebase(this, base, result.gradFn);
        } else if (result.gradFn != null) {
            gradFn = result.gradFn;
            outputNr = result.outputNr;
            requiresGrad = true;
        }
        gradFnVersion = version[0];
        return this;
    }

    /** The view's and its base's grad_fn after an in-place change of the view in a graph (see ViewBackward). */
    void setViewGradFn(Node node) {
        setGradFn(node);
        gradFnVersion = version[0];
    }

    /** {@code t[index] = values}: writes {@code values} at the flat {@code positions} ({@code index_put_}). */
    public Tensor writeAt(int[] positions, double[] values) {
        checkInPlaceAllowed();
        beginWrite();
        for (int i = 0; i < positions.length; i++) {
            if (floats != null) {
                floats[positions[i]] = (float) values[i];
            } else {
                data[positions[i]] = dtype.round(values[i]);
            }
        }
        endWrite();
        return this;
    }

    private void checkInPlaceAllowed() {
        if (base != null && !madeWithGrad && requiresGrad && GradMode.isEnabled()) {
            throw TorchException.runtime("A view was created in no_grad mode and is being modified inplace with grad "
                    + "mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can "
                    + "clarify your code by moving both the view and the inplace either both inside the no_grad block "
                    + "(if you don't want the inplace to be tracked) or both outside (if you want the inplace to be "
                    + "tracked).");
        }
        if (base != null && gradFn != null && gradFn.outputsAreViews() && GradMode.isEnabled()) {
            throw TorchException.runtime("Output " + outputNr + " of " + gradFn.name() + " is a view and is being "
                    + "modified inplace. This view is the output of a function that returns multiple views. Such "
                    + "functions do not allow the output views to be modified inplace. You should replace the inplace "
                    + "operation by an out-of-place one.");
        }
        if (base != null && base.isLeaf() && base.requiresGrad && GradMode.isEnabled()) {
            throw TorchException.runtime("a view of a leaf Variable that requires grad is being used in an in-place "
                    + "operation.");
        }
        if (isLeaf() && requiresGrad && GradMode.isEnabled()) {
            throw TorchException.runtime("a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    // ----- ops (the forward and chain rule of each live in org.gradviz.engine.ops)

    public Tensor add(Tensor other) {
        return Arithmetic.add(this, other);
    }

    public Tensor add(double other) {
        return Arithmetic.add(this, wrap(other));
    }

    public Tensor sub(Tensor other) {
        return Arithmetic.sub(this, other);
    }

    public Tensor sub(double other) {
        return Arithmetic.sub(this, wrap(other));
    }

    /** {@code number - t}. */
    public Tensor rsub(double number) {
        return Arithmetic.rsub(this, number);
    }

    public Tensor mul(Tensor other) {
        return Arithmetic.mul(this, other);
    }

    public Tensor mul(double other) {
        return Arithmetic.mul(this, wrap(other));
    }

    public Tensor div(Tensor other) {
        return Arithmetic.div(this, other);
    }

    public Tensor div(double other) {
        return Arithmetic.div(this, wrap(other));
    }

    /** {@code number / t}, which PyTorch computes as {@code t.reciprocal() * number}. */
    public Tensor rdiv(double number) {
        return Arithmetic.mul(Pointwise.reciprocal(this), wrap(number));
    }

    public Tensor neg() {
        return Arithmetic.neg(this);
    }

    public Tensor pow(double exponent) {
        return Arithmetic.pow(this, exponent);
    }

    public Tensor pow(Tensor exponent) {
        return Arithmetic.pow(this, exponent);
    }

    public Tensor reciprocal() {
        return Pointwise.reciprocal(this);
    }

    public Tensor sin() {
        return Pointwise.sin(this);
    }

    public Tensor cos() {
        return Pointwise.cos(this);
    }

    public Tensor exp() {
        return Pointwise.exp(this);
    }

    public Tensor log() {
        return Pointwise.log(this);
    }

    public Tensor sigmoid() {
        return Pointwise.sigmoid(this);
    }

    public Tensor tanh() {
        return Pointwise.tanh(this);
    }

    public Tensor relu() {
        return Pointwise.relu(this);
    }

    /** {@code t.clamp(min, max)}; either bound may be null, not both. */
    public Tensor clamp(Double min, Double max) {
        return Pointwise.clamp(this, min, max);
    }

    public Tensor sum() {
        return Reductions.sum(this);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return Reductions.sum(this, dim, keepDim);
    }

    public Tensor mean() {
        return Reductions.mean(this);
    }

    public Tensor mean(int dim, boolean keepDim) {
        return Reductions.mean(this, dim, keepDim);
    }

    /** {@code t.t()}: transpose of a tensor of at most 2 dimensions. */
    public Tensor t() {
        return LinearAlgebra.t(this);
    }

    /** {@code t.T}: all dimensions reversed (PermuteBackward0). */
    public Tensor T() {
        return LinearAlgebra.reverseDims(this);
    }

    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    public Tensor mm(Tensor other) {
        return LinearAlgebra.mm(this, other);
    }

    public Tensor unsqueeze(int dim) {
        return LinearAlgebra.unsqueeze(this, dim);
    }

    /** A Python number as an operand of this tensor. */
    private static Tensor wrap(double number) {
        return wrappedNumber(number, false);
    }

    /** PyTorch's repr: {@code tensor([1., 2.], requires_grad=True)}. */
    @Override
    public String toString() {
        return TensorFormatter.format(shape, dtype, data(),
                TensorFormatter.suffixes(dtype, requiresGrad, gradFn == null ? null : gradFn.name()));
    }
}
