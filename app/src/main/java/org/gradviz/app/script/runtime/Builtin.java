package org.gradviz.app.script.runtime;

/** A named native function; {@code repr} is {@code <built-in function NAME>}. */
public record Builtin(String name, PyCallable body) implements PyCallable {

    @Override
    public Object call(Args args) {
        return body.call(args);
    }

    @Override
    public String toString() {
        return "<built-in function " + name + ">";
    }
}
