package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A class: one defined by the program ({@code class C(Base):}), {@code object}, or a builtin exception class.
 * Calling it makes an instance and runs {@code __init__}; attributes are looked up along the single base chain.
 */
public final class PyClass implements HasAttributes, PyCallable {

    private final String name;
    private final String module;
    private final PyClass base;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    /**
     * @param module {@code __main__} for the program's classes, {@code builtins} for Python's
     * @param base the one base class, null only for {@code object}
     */
    PyClass(String name, String module, PyClass base) {
        this.name = name;
        this.module = module;
        this.base = base;
    }

    public String name() {
        return name;
    }

    PyClass base() {
        return base;
    }

    /** The module the class is defined in: {@code __main__}, {@code builtins}, {@code torch.nn.modules.linear}. */
    String qualifiedModule() {
        return module;
    }

    boolean isBuiltin() {
        return module.equals("builtins");
    }

    void define(String attribute, Object value) {
        attributes.put(attribute, value);
    }

    /** {@code del C.attribute}: removes the class's own attribute; false when the class itself has none. */
    boolean remove(String attribute) {
        return attributes.remove(attribute) != null;
    }

    /** The attribute defined on this class or the nearest base, or null. */
    Object lookup(String attribute) {
        for (PyClass c = this; c != null; c = c.base) {
            Object v = c.attributes.get(attribute);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    boolean isSubclassOf(PyClass other) {
        for (PyClass c = this; c != null; c = c.base) {
            if (c == other) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object attribute(String attribute) {
        if (attribute.equals("__name__")) {
            return name;
        }
        Object v = lookup(attribute);
        if (v instanceof PyStaticMethod s) {
            return s.function();
        }
        return v instanceof PyClassMethod c ? c.bindTo(this) : v;
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public Object call(Args args) {
        PyInstance instance = new PyInstance(this);
        Object init = lookup("__init__");
        Object result = ((PyCallable) init).call(args.withSelf(instance));
        if (result != PyNone.NONE) {
            throw PyError.type("__init__() should return None, not '" + Values.typeName(result) + "'");
        }
        return instance;
    }

    @Override
    public String toString() {
        return "<class '" + (isBuiltin() ? "" : module + ".") + name + "'>";
    }
}
