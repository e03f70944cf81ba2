package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** An instance of a {@link PyClass}: its own attributes, then its class's, methods bound to it. */
public final class PyInstance implements HasAttributes {

    private final PyClass cls;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    PyInstance(PyClass cls) {
        this.cls = cls;
    }

    public PyClass cls() {
        return cls;
    }

    @Override
    public Object attribute(String name) {
        Object own = attributes.get(name);
        if (own != null) {
            return own;
        }
        if (name.equals("__class__")) {
            return cls;
        }
        return bind(cls.lookup(name));
    }

    /** A function found on the class, bound to this instance; anything else as it is. */
    Object bind(Object member) {
        if (member instanceof PyStaticMethod s) {
            return s.function();
        }
        if (member instanceof PyClassMethod c) {
            return c.bindTo(cls);
        }
        return member instanceof PyFunction || member instanceof Builtin ? new BoundMethod(this, (PyCallable) member)
                : member;
    }

    void set(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String typeName() {
        return cls.name();
    }

    /** Python's default repr: {@code <__main__.C object at 0x7f...>}. */
    String defaultRepr() {
        return "<" + (cls.isBuiltin() ? "" : "__main__.") + cls.name() + " object at " + Addresses.of(this) + ">";
    }
}
