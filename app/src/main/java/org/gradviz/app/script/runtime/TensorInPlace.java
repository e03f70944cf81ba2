package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.Warnings;
import org.gradviz.engine.ops.Activations;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Broadcast;

/**
 * The in-place methods teaching code uses on weights and gradients: {@code add_}/{@code sub_} (with {@code alpha},
 * one fused multiply-add per element as torch's CPU kernel), {@code mul_}, {@code div_}, {@code clamp_},
 * {@code copy_}, {@code fill_}, the pointwise {@code sin_}, {@code exp_}, ... outside a graph (the rounding ones, whose chain rule reads no value, in one too), and the random fills {@code uniform_}, {@code normal_}, {@code exponential_} and {@code bernoulli_}. Each
 * writes through to the tensor, bumps its version and refuses a leaf that requires grad, as torch does.
 */
final class TensorInPlace {
    /** The pointwise functions whose in-place form {@code name_} is here. */
    private static final java.util.List<String> POINTWISE = java.util.List.of("abs", "ceil", "cos", "exp", "floor",
            "frac", "log", "nan_to_num", "neg", "relu", "round", "sigmoid", "sin", "sqrt", "tanh", "trunc");
    /** Those whose chain rule reads no value of the input, so t can take the out-of-place node in a graph too. */
    private static final java.util.List<String> SAVES_NOTHING = java.util.List.of("ceil", "floor", "frac", "round",
            "trunc");

    private TensorInPlace() {
    }

    /** {@code t.name(...)} when name is one of the methods here, else null. */
    static PyCallable method(Tensor t, String name) {
        return switch (name) {
            case "add_" -> a -> addScaled(t, a, 1);
            case "sub_" -> a -> addScaled(t, a, -1);
            case "mul_" -> a -> assign(t, TensorArithmetic.apply(BinaryOp.MUL, t, a.accept(1, "other").get(0, "other")));
            case "div_" -> a -> assign(t, TensorArithmetic.apply(BinaryOp.DIV, t, a.accept(1, "other").get(0, "other")));
            case "clamp_" -> a -> {
                a.accept(2, "min", "max");
                return assign(t, t.clamp(a.optionalNumber(0, "min"), a.optionalNumber(1, "max")));
            };
            case "masked_fill_" -> a -> {
                a.accept(2, "mask", "value");
                return assign(t, PointwiseFunctions.maskedFill(t, a.tensor(0, "mask"), a.get(1, "value")));
            };
            case "copy_" -> a -> {
                Tensor src = a.accept(1, "src").tensor(0, "src");
                double[] values = t.dtype().roundAll(Broadcast.expand(src, Broadcast.inPlace(t.shape(), src.shape())));
                return assign(t, Tensor.fromData(t.shape(), t.dtype(), values));
            };
            case "index_add_" -> a -> indexAdd(t, a);
            case "fill_" -> a -> {
                double value = Values.toDouble(a.accept(1, "value").get(0, "value"), "fill_(): argument 'value'");
                return assign(t, Torch.full(t.shape(), value, t.dtype()));
            };
            case "uniform_" -> a -> {
                a.accept(2, "from", "to", "generator");
                double from = a.has(0, "from") ? a.number(0, "from") : 0;
                double to = a.has(1, "to") ? a.number(1, "to") : 1;
                return assign(t, Tensor.fromData(t.shape(), t.dtype(),
                        PyGenerator.of(a, "uniform_").uniform(t.numel(), from, to, t.dtype())));
            };
            case "normal_" -> a -> {
                a.accept(2, "mean", "std", "generator");
                double mean = a.number(0, "mean", 0);
                double std = a.number(1, "std", 1);
                return assign(t, Tensor.fromData(t.shape(), t.dtype(),
                        PyGenerator.of(a, "normal_").normal(t.numel(), mean, std, t.dtype())));
            };
            case "exponential_" -> a -> {
                a.accept(1, "lambd", "generator");
                return assign(t, Tensor.fromData(t.shape(), t.dtype(),
                        PyGenerator.of(a, "exponential_").exponential(t.numel(), a.number(0, "lambd", 1), t.dtype())));
            };
            case "bernoulli_" -> a -> {
                a.accept(1, "p", "generator");
                Object p = a.get(0, "p", 0.5);
                if (p instanceof Tensor) {
                    throw new Unsupported("'Tensor.bernoulli_' with a tensor of probabilities");
                }
                return assign(t, Tensor.fromData(t.shape(), t.dtype(), t.dtype().roundAll(
                        PyGenerator.of(a, "bernoulli_").bernoulli(t.numel(), a.number(0, "p", 0.5)))));
            };
            default -> name.endsWith("_") && POINTWISE.contains(name.substring(0, name.length() - 1))
                    ? a -> pointwise(t, name.substring(0, name.length() - 1), a.accept(0)) : null;
        };
    }

    /** {@code torch.sin_(t)}, ..., and {@code F.relu_(t)}: the in-place pointwise functions. */
    static void addTorchFunctions(java.util.Map<String, Object> torch, java.util.Map<String, Object> functional) {
        for (String base : POINTWISE) {
            PyCallable f = a -> pointwise(a.accept(1, "input").tensor(0, "input"), base, a);
            torch.put(base + "_", new Builtin(base + "_", f));
        }
        functional.put("relu_", new Builtin("relu_", a -> pointwise(a.accept(1, "input").tensor(0, "input"),
                "relu", a)));
    }

    /**
     * {@code t.sin_()}: t's values replaced by sin(t), where no graph records it (under no_grad, or t not requiring
     * grad); a leaf that requires grad is torch's error. NOTE: in a graph torch saves a copy of t's old values for the
     * chain rule; gradviz refuses that case rather than differentiate through values that are gone.
     */
    private static Tensor pointwise(Tensor t, String base, Args a) {
        if (base.equals("relu")) {
            // NOTE: relu_ saves its result, so it records in a graph as torch's (ReluBackward0 on t)
            return Activations.reluInPlace(t);
        }
        if (GradMode.isEnabled() && t.requiresGrad() && !(SAVES_NOTHING.contains(base) && !t.isLeaf())) {
            if (t.isLeaf()) {
                throw new PyError("RuntimeError", "a leaf Variable that requires grad is being used in an in-place "
                        + "operation.");
            }
            throw new Unsupported("'" + base + "_' on a tensor that records a gradient (outside torch.no_grad())");
        }
        Object method = TensorMembers.get(t, base);
        return assign(t, ((PyCallable) method).call(new Args(base, java.util.List.of(), java.util.Map.of())));
    }

    /**
     * {@code t.add_(other, alpha=a)} and {@code t.sub_(...)}: t ± other, or with an alpha t + alpha·other fused per
     * element as torch's add kernel computes it (recorded as a product and a sum when a graph needs it).
     */
    private static Tensor addScaled(Tensor t, Args a, int sign) {
        String name = sign > 0 ? "add_" : "sub_";
        Object alphaValue;
        Object other;
        if (a.size() == 2 && a.keywords().isEmpty() && Values.isNumber(a.get(0, null))
                && a.get(1, null) instanceof Tensor) {
            // NOTE: torch's deprecated add_(Number alpha, Tensor other), with its warning once per process
            Warnings.deprecatedSignature(name, name + "(Number alpha, Tensor other)",
                    name + "(Tensor other, *, Number alpha)");
            alphaValue = a.get(0, null);
            other = a.get(1, null);
        } else {
            a.accept(1, "other", "alpha");
            other = a.get(0, "other");
            alphaValue = a.get(-1, "alpha", 1L);
        }
        double alpha = Values.toDouble(alphaValue, name + "(): argument 'alpha'");
        if (alpha == 1 && Values.isInteger(alphaValue)) {
            return assign(t, TensorArithmetic.apply(sign > 0 ? BinaryOp.ADD : BinaryOp.SUB, t, other));
        }
        Tensor o = other instanceof Tensor x ? x : TensorArithmetic.wrap(other);
        boolean floatAlpha = !Values.isInteger(alphaValue);
        return assign(t, sign > 0 ? Arithmetic.add(t, o, alpha, floatAlpha) : Arithmetic.sub(t, o, alpha, floatAlpha));
    }

    /**
     * {@code t.index_add_(dim, index, source, alpha=1)}: source's slice i along dim added (times alpha, fused) to t's
     * slice index[i], in order, outside a graph; torch's checks and messages.
     */
    private static Tensor indexAdd(Tensor t, Args a) {
        a.accept(3, "dim", "index", "source", "alpha");
        int dim = t.dim() == 0 ? 0 : t.shape().normalizeDim(a.integer(0, "dim"));
        Tensor index = a.tensor(1, "index");
        Tensor source = a.tensor(2, "source");
        Object alphaValue = a.get(-1, "alpha", 1L);
        double alpha = Values.toDouble(alphaValue, "index_add_(): argument 'alpha'");
        if (GradMode.isEnabled() && (t.requiresGrad() || source.requiresGrad())) {
            if (t.isLeaf() && t.requiresGrad()) {
                throw new PyError("RuntimeError", "a leaf Variable that requires grad is being used in an in-place "
                        + "operation.");
            }
            throw new Unsupported("'index_add_' on a tensor that records a gradient (outside torch.no_grad())");
        }
        if (index.dim() > 1) {
            throw PyError.index("index_add_(): Index is supposed to be a vector, but got dim: " + index.dim()
                    + " with type: " + typeName(index.dtype()) + " and size: " + index.shape().listText());
        }
        if (index.dtype() != DType.INT64) {
            throw new PyError("RuntimeError", "index_add_(): Expected dtype int32/int64 for index but got: "
                    + typeName(index.dtype()));
        }
        if (source.dtype() != t.dtype()) {
            throw new PyError("RuntimeError", "index_add_(): self (" + typeName(t.dtype()) + ") and source ("
                    + typeName(source.dtype()) + ") must have the same scalar type");
        }
        int sourceSize = source.dim() == 0 ? 1 : source.shape().dim(dim);
        if (index.numel() != sourceSize) {
            throw new PyError("RuntimeError", "index_add_(): Number of indices (" + index.numel() + ") should be "
                    + "equal to source.size(dim): (" + sourceSize + "), for dim: " + dim);
        }
        int size = t.dim() == 0 ? 1 : t.shape().dim(dim);
        int inner = 1;
        for (int d = dim + 1; d < t.dim(); d++) {
            inner *= t.shape().dim(d);
        }
        int outer = t.numel() / Math.max(1, size * inner);
        double[] ids = index.data();
        double[] x = t.data().clone();
        double[] src = source.data();
        DType dt = t.dtype();
        for (int i = 0; i < ids.length; i++) {
            long k = (long) ids[i];
            if (k < 0 || k >= size) {
                throw PyError.index("index out of range in self");
            }
            int row = (int) k;
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) {
                    int at = (o * size + row) * inner + j;
                    double v = src[(o * ids.length + i) * inner + j];
                    x[at] = dt.round(alpha == 1 ? x[at] + v : dt == DType.FLOAT32
                            ? Math.fma((float) v, (float) alpha, (float) x[at]) : Math.fma(v, alpha, x[at]));
                }
            }
        }
        return assign(t, Tensor.fromData(t.shape(), dt, x));
    }

    /**
     * Writes {@code result} into t, refusing what torch's can_cast refuses: a result of a higher category (a float into
     * an integer tensor, an int into a bool one).
     */
    static Tensor assign(Tensor t, Object result) {
        Tensor r = (Tensor) result;
        checkCastable(r.dtype(), t);
        return t.assignInPlace(r);
    }

    /** torch's can_cast check of an in-place op's result type against the tensor written into. */
    static void checkCastable(DType result, Tensor t) {
        if (result.category() > t.dtype().category()) {
            throw new PyError("RuntimeError", "result type " + typeName(result) + " can't be cast to the desired "
                    + "output type " + typeName(t.dtype()));
        }
    }

    private static String typeName(DType d) {
        return d.scalarTypeName();
    }
}
