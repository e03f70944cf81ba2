package org.gradviz.app.script.runtime;

/** {@code super()} in a method of {@code cls}: attributes from the bases of {@code cls}, bound to {@code self}. */
record PySuper(PyClass cls, PyInstance self) implements HasAttributes {

    @Override
    public Object attribute(String name) {
        PyClass base = cls.base();
        return base == null ? null : self.bind(base.lookup(name));
    }

    @Override
    public String typeName() {
        return "super";
    }
}
