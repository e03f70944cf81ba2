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

    /**
     * {@code obj.name = value}: through the class's {@code __setattr__} (the program's own, or {@code nn.Module}'s)
     * when it has one other than {@code object}'s, else stored in the instance.
     */
    void set(String name, Object value) {
        Object setter = cls.lookup("__setattr__");
        if (setter != ExceptionTypes.OBJECT_SETATTR && (setter instanceof Builtin || setter instanceof PyFunction)) {
            ((PyCallable) setter).call(new Args("__setattr__", java.util.List.of(this, name, value), Map.of()));
            return;
        }
        attributes.put(name, value);
    }

    /** Stores an attribute in the instance itself, bypassing {@code __setattr__}. */
    void setOwn(String name, Object value) {
        attributes.put(name, value);
    }

    void removeOwn(String name) {
        attributes.remove(name);
    }

    /** The instance's own attributes in the order they were first set. */
    Map<String, Object> own() {
        return java.util.Collections.unmodifiableMap(attributes);
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
