package org.gradviz.app.script.runtime;

/**
 * A named native function; {@code repr} is {@code <built-in function NAME>}.
 *
 * @param receiver the tensor a method is bound to ({@code t} of {@code t.sum()}), or null for a function
 */
public record Builtin(String name, PyCallable body, Object receiver) implements PyCallable {

    public Builtin(String name, PyCallable body) {
        this(name, body, null);
    }

    @Override
    public Object call(Args args) {
        return body.call(args);
    }

    @Override
    public String toString() {
        return "<built-in function " + name + ">";
    }
}
