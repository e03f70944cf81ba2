package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Activations;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Broadcast;

/**
 * The in-place methods teaching code uses on weights and gradients: {@code add_}/{@code sub_} (with {@code alpha},
 * one fused multiply-add per element as torch's CPU kernel), {@code mul_}, {@code div_}, {@code clamp_},
 * {@code copy_}, {@code fill_}, the pointwise {@code sin_}, {@code exp_}, ... outside a graph, and the random fills {@code uniform_} and {@code normal_} (standard only). Each
 * writes through to the tensor, bumps its version and refuses a leaf that requires grad, as torch does.
 */
final class TensorInPlace {
    /** The pointwise functions whose in-place form {@code name_} is here. */
    private static final java.util.List<String> POINTWISE = java.util.List.of("abs", "cos", "exp", "log", "neg",
            "relu", "sigmoid", "sin", "sqrt", "tanh");

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
                double[] values = t.dtype().roundAll(Broadcast.expand(src, t.shape()));
                return assign(t, Tensor.fromData(t.shape(), t.dtype(), values));
            };
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
                if ((a.has(0, "mean") && a.number(0, "mean") != 0) || (a.has(1, "std") && a.number(1, "std") != 1)) {
                    throw new Unsupported("'Tensor.normal_(mean, std)' other than (0, 1)");
                }
                return assign(t, Tensor.fromData(t.shape(), t.dtype(),
                        PyGenerator.of(a, "normal_").randn(t.numel(), t.dtype())));
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
        if (GradMode.isEnabled() && t.requiresGrad()) {
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
        a.accept(1, "other", "alpha");
        Object other = a.get(0, "other");
        double alpha = sign * Values.toDouble(a.get(-1, "alpha", 1L), "add_(): argument 'alpha'");
        if (Math.abs(alpha) == 1) {
            return assign(t, TensorArithmetic.apply(alpha > 0 ? BinaryOp.ADD : BinaryOp.SUB, t, other));
        }
        Tensor o = other instanceof Tensor x ? x : TensorArithmetic.wrap(other);
        if (o.requiresGrad() || t.requiresGrad()) {
            return assign(t, TensorArithmetic.apply(BinaryOp.ADD, t,
                    TensorArithmetic.apply(BinaryOp.MUL, o, alpha)));
        }
        DType dt = t.dtype();
        double[] b = Broadcast.expand(o, t.shape());
        double[] x = t.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = dt == DType.FLOAT32 ? Math.fma((float) b[i], (float) alpha, (float) x[i])
                    : dt == DType.FLOAT64 ? Math.fma(b[i], alpha, x[i]) : x[i] + alpha * b[i];
        }
        return assign(t, Tensor.fromData(t.shape(), dt, dt.roundAll(r)));
    }

    /** Writes {@code result} into t, refusing what torch refuses (a float result into an integer tensor). */
    private static Tensor assign(Tensor t, Object result) {
        Tensor r = (Tensor) result;
        if (r.dtype().isFloatingPoint() && !t.dtype().isFloatingPoint()) {
            throw new PyError("RuntimeError", "result type " + typeName(r.dtype()) + " can't be cast to the desired "
                    + "output type " + typeName(t.dtype()));
        }
        return t.assignInPlace(r);
    }

    private static String typeName(DType d) {
        return switch (d) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case BOOL -> "Bool";
        };
    }
}
