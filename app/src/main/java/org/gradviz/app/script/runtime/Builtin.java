package org.gradviz.app.script.runtime;

/**
 * A named native function; {@code repr} is {@code <built-in function NAME>}, or {@code <class 'NAME'>} for the
 * builtins that are classes in Python ({@code float}, {@code list}, {@code zip}, ...).
 *
 * @param receiver the tensor a method is bound to ({@code t} of {@code t.sum()}), or null for a function
 */
public record Builtin(String name, PyCallable body, Object receiver) implements PyCallable {

    private static final java.util.Set<String> PYTHON_CLASSES = java.util.Set.of("bool", "int", "float", "str", "list",
            "tuple", "dict", "set", "range", "type", "enumerate", "zip", "map", "filter", "reversed", "staticmethod",
            "classmethod", "dict_keys", "dict_values", "dict_items", "odict_keys", "odict_values", "odict_items");

    public Builtin(String name, PyCallable body) {
        this(name, body, null);
    }

    @Override
    public Object call(Args args) {
        return body.call(args);
    }

    @Override
    public String toString() {
        return receiver == null && PYTHON_CLASSES.contains(name) ? "<class '" + name + "'>"
                : "<built-in function " + name + ">";
    }
}
