package org.gradviz.app.script.runtime;

/** {@code classmethod(f)}: found on a class or an instance, {@code f} bound to the class. */
record PyClassMethod(Object function) {

    /** The method as {@code cls.name} or {@code instance.name} gives it. */
    BoundMethod bindTo(PyClass cls) {
        if (!(function instanceof PyCallable f)) {
            throw PyError.type("'" + Values.typeName(function) + "' object is not callable");
        }
        return new BoundMethod(cls, f);
    }

    @Override
    public String toString() {
        return "<classmethod(" + Values.repr(function) + ")>";
    }
}
