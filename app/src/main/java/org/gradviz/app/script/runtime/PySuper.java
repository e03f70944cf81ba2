package org.gradviz.app.script.runtime;

/** {@code super()} in a method of {@code cls}: attributes from the bases of {@code cls}, bound to {@code self}. */
record PySuper(PyClass cls, PyInstance self) implements HasAttributes {

    /** {@code super(cls, obj)}: Python's TypeErrors when cls is not a class or obj not an instance of it. */
    static PySuper explicit(Object cls, Object obj) {
        if (cls instanceof Builtin) {
            throw new Unsupported("'super' of a builtin type");
        }
        if (!(cls instanceof PyClass c)) {
            throw PyError.type("super() argument 1 must be a type, not " + Values.typeName(cls));
        }
        if (!(obj instanceof PyInstance i) || !i.cls().isSubclassOf(c)) {
            throw PyError.type("super(type, obj): obj must be an instance or subtype of type");
        }
        return new PySuper(c, i);
    }

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
