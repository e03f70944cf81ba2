package org.gradviz.app.script.runtime;

/** {@code staticmethod(f)}: found on a class or an instance, it is {@code f} itself, never bound. */
record PyStaticMethod(Object function) implements PyCallable {

    @Override
    public Object call(Args args) {
        if (!(function instanceof PyCallable f)) {
            throw PyError.type("'" + Values.typeName(function) + "' object is not callable");
        }
        return f.call(args);
    }

    @Override
    public String toString() {
        return "<staticmethod(" + Values.repr(function) + ")>";
    }
}
