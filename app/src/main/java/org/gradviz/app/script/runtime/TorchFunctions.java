package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Cumsum;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.RoundingDivision;

/**
 * The functions that exist both as {@code torch.f(t, ...)} and as the method {@code t.f(...)}: each takes the
 * tensor as its first argument, named {@code input}. The document ops among them come from the op table
 * ({@link TableOps}); the others, which a document has no node for, are listed here.
 */
final class TorchFunctions {

    /** The runner's own, which are no document op. */
    private static final Map<String, PyCallable> OWN = new LinkedHashMap<>();
    private static final Map<String, PyCallable> FUNCTIONS = new LinkedHashMap<>(TableOps.torch());

    static {
        unary("clone", Pointwise::clone);
        unary("reciprocal", Tensor::reciprocal);
        OWN.put("mv", a -> LinearAlgebra.mvOf(a.accept(2, "input", "vec").tensor(0, "input"), a.tensor(1, "vec")));
        OWN.put("cumsum", a -> {
            a.accept(2, "input", "dim", "dtype");
            if (a.dtype(-1, "dtype") != null) {
                throw new Unsupported("'cumsum(dtype=...)'");
            }
            if (!a.has(1, "dim")) {
                throw PyError.type("cumsum() received an invalid combination of arguments - got (), but expected one "
                        + "of:\n * (int dim, *, torch.dtype dtype)\n * (name dim, *, torch.dtype dtype)\n");
            }
            return Cumsum.cumsum(a.tensor(0, "input"), a.integer(1, "dim"));
        });
        OWN.put("var", a -> TensorMoments.call(a, false));
        OWN.put("std", a -> TensorMoments.call(a, true));
        TensorShapeFunctions.addShared(OWN);
        TensorSorting.addShared(OWN);
        TensorRounding.addShared(OWN);
        TensorProducts.addShared(OWN);
        TensorReductions.addShared(OWN);
        TensorRearrangements.addShared(OWN);
        PointwiseFunctions.addShared(OWN);
        RandomSampling.addShared(OWN);
        for (Map.Entry<String, PyCallable> own : OWN.entrySet()) {
            if (FUNCTIONS.putIfAbsent(own.getKey(), own.getValue()) != null) {
                throw new IllegalStateException(own.getKey() + " is both an op of the table and the runner's own");
            }
        }
        // NOTE: div with rounding_mode= is no document op: the runner's own, else the table's div
        OpCall tableDiv = TableOps.torch().get("div");
        FUNCTIONS.put("div", new ExtendedOpCall(tableDiv,
                a -> a.keywords().containsKey("rounding_mode") ? roundingDiv(a) : tableDiv.call(a)));
    }

    /** {@code torch.div(input, other, rounding_mode=...)}, a number for other made a wrapped number. */
    private static Tensor roundingDiv(Args a) {
        a.accept(2, "input", "other", "rounding_mode");
        Tensor input = a.tensor(0, "input");
        Object other = a.get(1, "other");
        Tensor b = other instanceof Tensor t ? t : TensorArithmetic.wrap(other);
        Object mode = a.get(-1, "rounding_mode");
        if (mode != PyNone.NONE && !(mode instanceof String)) {
            throw PyError.type("div(): argument 'rounding_mode' must be str, not " + Values.typeName(mode));
        }
        return RoundingDivision.div(input, b, mode == PyNone.NONE ? null : (String) mode);
    }

    private TorchFunctions() {
    }

    private static void unary(String name, java.util.function.UnaryOperator<Tensor> op) {
        OWN.put(name, a -> op.apply(a.accept(1, "input").tensor(0, "input")));
    }

    /** The runner's own functions, which are no document op, by name. */
    static Map<String, PyCallable> own() {
        return java.util.Collections.unmodifiableMap(OWN);
    }

    /** Every function by name, for the torch module. */
    static Map<String, PyCallable> all() {
        return FUNCTIONS;
    }

    /** {@code t.name(...)} as a function of the remaining arguments, or null when there is no such method. */
    static PyCallable tensorMethod(Tensor t, String name) {
        if (name.equals("div")) {
            return a -> a.keywords().containsKey("rounding_mode") ? roundingDiv(a.withSelf(t))
                    : TableOps.torch().get("div").method(t).call(a);
        }
        OpCall methodOnly = TableOps.methods().get(name);
        if (methodOnly != null) {
            return methodOnly.method(t);
        }
        PyCallable f = FUNCTIONS.get(name);
        if (f == null) {
            return null;
        }
        if (f instanceof OpCall op) {
            return op.method(t);
        }
        return a -> {
            List<Object> positional = new ArrayList<>(a.size() + 1);
            positional.add(t);
            positional.addAll(a.positional());
            return f.call(new Args(name, positional, a.keywords()));
        };
    }
}
