package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Pointwise;

/**
 * The functions that exist both as {@code torch.f(t, ...)} and as the method {@code t.f(...)}: each takes the
 * tensor as its first argument, named {@code input}.
 */
final class TorchFunctions {

    private static final Map<String, PyCallable> FUNCTIONS = new LinkedHashMap<>();

    static {
        unary("sigmoid", Tensor::sigmoid);
        unary("tanh", Tensor::tanh);
        unary("relu", Tensor::relu);
        unary("exp", Tensor::exp);
        unary("log", Tensor::log);
        unary("sin", Tensor::sin);
        unary("cos", Tensor::cos);
        unary("neg", Tensor::neg);
        unary("sqrt", Pointwise::sqrt);
        unary("abs", Pointwise::abs);
        unary("clone", Pointwise::clone);
        unary("reciprocal", Tensor::reciprocal);
        unary("t", Tensor::t);
        FUNCTIONS.put("pow", a -> {
            a.accept(2, "input", "exponent");
            Object exponent = a.get(1, "exponent");
            return exponent instanceof Tensor e ? Arithmetic.pow(input(a), e)
                    : Arithmetic.pow(input(a), Values.toDouble(exponent, "pow(): exponent"));
        });
        FUNCTIONS.put("sum", a -> reduce(a, true));
        FUNCTIONS.put("mean", a -> reduce(a, false));
        FUNCTIONS.put("clamp", a -> {
            a.accept(3, "input", "min", "max");
            Double min = a.optionalNumber(1, "min");
            Double max = a.optionalNumber(2, "max");
            if (min == null && max == null) {
                throw new PyError("RuntimeError", "torch.clamp: At least one of 'min' or 'max' must not be None");
            }
            return input(a).clamp(min, max);
        });
        FUNCTIONS.put("matmul", a -> LinearAlgebra.matmul(input(a.accept(2, "input", "other")),
                a.tensor(1, "other")));
        FUNCTIONS.put("mm", a -> LinearAlgebra.mm(input(a.accept(2, "input", "mat2")), a.tensor(1, "mat2")));
        binary("add", org.gradviz.app.script.ast.BinaryOp.ADD);
        binary("sub", org.gradviz.app.script.ast.BinaryOp.SUB);
        binary("mul", org.gradviz.app.script.ast.BinaryOp.MUL);
        binary("div", org.gradviz.app.script.ast.BinaryOp.DIV);
        TensorShapeFunctions.addShared(FUNCTIONS);
        ShapeFunctions.addTo(FUNCTIONS);
    }

    private TorchFunctions() {
    }

    private static void unary(String name, java.util.function.UnaryOperator<Tensor> op) {
        FUNCTIONS.put(name, a -> op.apply(input(a.accept(1, "input"))));
    }

    private static void binary(String name, org.gradviz.app.script.ast.BinaryOp op) {
        FUNCTIONS.put(name, a -> TensorArithmetic.apply(op, input(a.accept(2, "input", "other")),
                a.get(1, "other")));
    }

    private static Tensor input(Args a) {
        return a.tensor(0, "input");
    }

    private static Object reduce(Args a, boolean sum) {
        a.accept(3, "input", "dim", "keepdim", "dtype");
        Tensor t = input(a);
        Object dim = a.get(1, "dim", PyNone.NONE);
        boolean keepDim = a.bool(2, "keepdim", false);
        if (a.dtype(-1, "dtype") != null) {
            throw new Unsupported("'" + a.function() + "(dtype=...)'");
        }
        if (dim == PyNone.NONE) {
            return sum ? t.sum() : t.mean();
        }
        List<?> dims = Values.items(dim);
        if (dims != null) {
            if (dims.size() != 1) {
                throw new Unsupported("'" + a.function() + "()' over several dims");
            }
            dim = dims.get(0);
        }
        int d = t.shape().normalizeDim(Values.toIndex(dim, a.function() + "(): argument 'dim'"));
        return sum ? t.sum(d, keepDim) : t.mean(d, keepDim);
    }

    /** Every function by name, for the torch module. */
    static Map<String, PyCallable> all() {
        return FUNCTIONS;
    }

    /** {@code t.name(...)} as a function of the remaining arguments, or null when there is no such method. */
    static PyCallable tensorMethod(Tensor t, String name) {
        PyCallable f = FUNCTIONS.get(name);
        if (f == null) {
            return null;
        }
        return a -> {
            List<Object> positional = new ArrayList<>(a.size() + 1);
            positional.add(t);
            positional.addAll(a.positional());
            return f.call(new Args(name, positional, a.keywords()));
        };
    }
}
