package org.gradviz.app.script.runtime;

/**
 * The class {@code type(v)} gives for a value whose class the runner has no object of its own for
 * ({@code type(None)}, {@code type(print)}): one per name, printed {@code <class 'NoneType'>}, named by
 * {@code __name__}, and, as CPython's, not callable to make one ("cannot create 'builtin_function_or_method'
 * instances"), but for {@code type(None)()}, which is None.
 */
record BuiltinType(String name) implements PyCallable, HasAttributes {

    @Override
    public Object call(Args args) {
        if (name.equals("NoneType")) {
            if (args.size() > 0) {
                throw PyError.type("NoneType takes no arguments");
            }
            return PyNone.NONE;
        }
        throw PyError.type("cannot create '" + name + "' instances");
    }

    @Override
    public Object attribute(String attribute) {
        return attribute.equals("__name__") ? name.substring(name.lastIndexOf('.') + 1) : null;
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public String toString() {
        return "<class '" + name + "'>";
    }
}
