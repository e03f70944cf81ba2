package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/** {@code object.name} for every kind of value; only the members listed here exist. */
final class Attributes {
    /** Python's own types whose methods {@link PyTorchNames} records: one gradviz lacks is "not supported". */
    private static final java.util.Set<String> PYTHON_TYPES = java.util.Set.of("str", "list", "dict", "tuple", "int",
            "float");

    private Attributes() {
    }

    static Object get(Object object, String name) {
        if (object instanceof Tensor t) {
            return TensorMembers.get(t, name);
        }
        if (object instanceof HasAttributes h) {
            Object v = h.attribute(name);
            if (v != null) {
                return v;
            }
            if (object instanceof PyModule m) {
                throw missing(m.name(), "module '" + m.name() + "'", name);
            }
            if (object instanceof PyClass c) {
                throw PyError.attribute("type object '" + c.name() + "' has no attribute '" + name + "'");
            }
        } else if (object instanceof Node n) {
            return TensorMembers.nodeMember(n, name);
        } else if (object instanceof List<?> list) {
            Object v = ListMethods.get(list, name);
            if (v != null) {
                return v;
            }
        } else if (object instanceof PyDict d) {
            Object v = DictMethods.get(d, name);
            if (v != null) {
                return v;
            }
            if (!d.typeName().equals("dict") && !d.isOrderedDict()) {
                // NOTE: Counter and defaultdict have methods of their own that gradviz lacks (most_common, ...)
                throw new Unsupported("'" + d.typeName() + "." + name + "'");
            }
        } else if (object instanceof PyFunction f && name.equals("__name__")) {
            return f.name();
        } else if (object instanceof Builtin b && name.equals("__name__")) {
            return b.name();
        } else if (object instanceof String s) {
            Object v = StringMethods.get(s, name);
            if (v != null) {
                return v;
            }
        } else if (object instanceof Double d && name.equals("is_integer")) {
            return new Builtin(name, a -> Double.isFinite(d) && d == Math.rint(d));
        }
        String type = Values.typeName(object);
        if (PYTHON_TYPES.contains(type)) {
            throw missing(type, "'" + type + "' object", name);
        }
        throw PyError.attribute("'" + type + "' object has no attribute '" + name + "'");
    }

    /**
     * The error for a member {@code owner} lacks: "not supported by gradviz" when real PyTorch has it (recorded in
     * {@link PyTorchNames}), else Python's AttributeError ({@code what} names the object: {@code module 'torch'}).
     */
    static RuntimeException missing(String owner, String what, String name) {
        if (PyTorchNames.has(owner, name)) {
            return new Unsupported("'" + owner + "." + name + "'");
        }
        return PyError.attribute(what + " has no attribute '" + name + "'");
    }
}
