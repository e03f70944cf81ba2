package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;

/**
 * Python's {@code copy} module: {@code copy.deepcopy(x)} of what training loops keep a snapshot of (a
 * {@code state_dict()}, a model, lists and dicts of tensors) and {@code copy.copy(x)} of lists and dicts. As Python's,
 * deepcopy copies each object once (an object reached twice is copied once and shared again), leaves immutable
 * values as they are, and copies a tensor as torch's {@code Tensor.__deepcopy__}: a leaf of the same values, grad
 * flag, Parameter-ness and {@code .grad}; a tensor inside a graph is refused with torch's error.
 */
final class CopyModule {

    private CopyModule() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deepcopy", new Builtin("deepcopy", a -> {
            Object[] v = Signature.of("deepcopy", "x", Signature.REQUIRED, "memo", PyNone.NONE).bind(a);
            if (v[1] != PyNone.NONE) {
                throw new Unsupported("'copy.deepcopy(x, memo)'");
            }
            return deepcopy(v[0], new IdentityHashMap<>());
        }));
        m.put("copy", new Builtin("copy", a -> {
            Object[] v = Signature.of("copy", "x", Signature.REQUIRED).bind(a);
            return shallow(v[0]);
        }));
        return m;
    }

    private static boolean immutable(Object v) {
        return v == PyNone.NONE || v instanceof String || v instanceof Boolean || v instanceof Double
                || Values.isInteger(v) || v instanceof org.gradviz.engine.DType
                // NOTE: Python copies functions and classes as themselves
                || v instanceof PyCallable && !(v instanceof PyInstance);
    }

    private static Object shallow(Object v) {
        if (immutable(v) || v instanceof PyTuple) {
            return v;
        }
        if (v instanceof PyDict d) {
            PyDict copy = d.emptyLike();
            d.keys().forEach(k -> copy.put(k, d.get(k)));
            return copy;
        }
        if (v instanceof List<?> list) {
            return new ArrayList<Object>(list);
        }
        throw new Unsupported("'copy.copy' of a " + Values.typeName(v));
    }

    /** {@code copy.deepcopy(v)}. */
    static Object deepcopy(Object v) {
        return deepcopy(v, new IdentityHashMap<>());
    }

    /** A deep copy of v; {@code memo} holds what was copied already, by identity. */
    private static Object deepcopy(Object v, Map<Object, Object> memo) {
        if (immutable(v)) {
            return v;
        }
        Object done = memo.get(v);
        if (done != null) {
            return done;
        }
        if (v instanceof Tensor t) {
            Tensor copy = tensor(t);
            memo.put(v, copy);
            return copy;
        }
        if (v instanceof PyDict d) {
            PyDict copy = d.emptyLike();
            memo.put(v, copy);
            for (Object k : d.keys()) {
                copy.put(deepcopy(k, memo), deepcopy(d.get(k), memo));
            }
            return copy;
        }
        if (v instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            memo.put(v, copy);
            for (Object item : list) {
                copy.add(deepcopy(item, memo));
            }
            return copy;
        }
        if (v instanceof PyTuple tuple) {
            List<Object> items = new ArrayList<>(tuple.items().size());
            for (Object item : tuple.items()) {
                items.add(deepcopy(item, memo));
            }
            PyTuple copy = new PyTuple(items);
            memo.put(v, copy);
            return copy;
        }
        if (v instanceof PyInstance instance && NnModule.isModule(instance)) {
            PyInstance copy = new PyInstance(instance.cls());
            memo.put(v, copy);
            instance.own().forEach((name, value) -> copy.setOwn(name, deepcopy(value, memo)));
            return copy;
        }
        throw new Unsupported("'copy.deepcopy' of a " + Values.typeName(v));
    }

    /** torch's {@code Tensor.__deepcopy__}: a new leaf with the same values, grad flag, Parameter-ness and grad. */
    private static Tensor tensor(Tensor t) {
        if (!t.isLeaf()) {
            throw new PyError("RuntimeError", "Only Tensors created explicitly by the user (graph leaves) support "
                    + "the deepcopy protocol at the moment");
        }
        if (t.base() != null) {
            throw new Unsupported("'copy.deepcopy' of a view of another tensor");
        }
        Tensor copy = t.detachedCopy();
        copy.requiresGrad_(t.requiresGrad());
        if (t.gradOrNull() != null) {
            copy.setGrad(t.gradOrNull().detachedCopy());
        }
        return NnParameter.is(t) ? NnParameter.mark(copy) : copy;
    }
}
