package org.gradviz.app.script.runtime;

/** {@code str()} and {@code repr()} of an instance: its class's {@code __str__}/{@code __repr__}, else Python's. */
final class ObjectText {

    private ObjectText() {
    }

    static String str(PyInstance i) {
        if (i.cls().lookup("__str__") instanceof PyFunction) {
            return text(i, "__str__");
        }
        return ExceptionTypes.isException(i) && !(i.cls().lookup("__repr__") instanceof PyFunction)
                ? ExceptionTypes.str(i) : repr(i);
    }

    static String repr(PyInstance i) {
        if (i.cls().lookup("__repr__") instanceof PyFunction || i.cls().lookup("__repr__") instanceof Builtin) {
            return text(i, "__repr__");
        }
        return ExceptionTypes.isException(i) ? ExceptionTypes.repr(i) : i.defaultRepr();
    }

    private static String text(PyInstance i, String method) {
        Object s = ((PyCallable) i.attribute(method)).call(new Args(method, java.util.List.of(), java.util.Map.of()));
        if (!(s instanceof String text)) {
            throw PyError.type(method + " returned non-string (type " + Values.typeName(s) + ")");
        }
        return text;
    }
}
