package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradviz.app.script.ast.Stmt;

/**
 * A function defined by the program ({@code def} or {@code lambda}), with its default values evaluated at
 * definition time and the scope it was defined in, whose variables it sees as they are when it runs (late binding).
 */
public final class PyFunction implements PyCallable {

    /** Runs a call of a program function; the interpreter. */
    interface Caller {
        Object call(PyFunction function, List<Object> args, java.util.Map<String, Object> keywords);
    }

    private final Stmt.FunctionDef definition;
    private final List<Object> defaults;
    private final Scope enclosing;
    private final Caller caller;
    /** The class whose body defined it, for {@code super()}; null for other functions. */
    private PyClass owner;

    PyFunction(Stmt.FunctionDef definition, List<Object> defaults, Scope enclosing, Caller caller) {
        this.definition = definition;
        this.defaults = Collections.unmodifiableList(new ArrayList<>(defaults));
        this.enclosing = enclosing;
        this.caller = caller;
    }

    public Stmt.FunctionDef definition() {
        return definition;
    }

    public List<Object> defaults() {
        return defaults;
    }

    public Scope enclosing() {
        return enclosing;
    }

    public String name() {
        return definition.name();
    }

    /** Python's {@code __qualname__} for a function or a method: {@code f}, {@code C.f}. */
    String qualifiedName() {
        return owner == null ? name() : owner.name() + "." + name();
    }

    PyClass owner() {
        return owner;
    }

    void setOwner(PyClass owner) {
        this.owner = owner;
    }

    @Override
    public Object call(Args args) {
        return caller.call(this, args.positional(), args.keywords());
    }

    @Override
    public String toString() {
        String qualified = owner == null ? name() : owner.name() + "." + name();
        return "<function " + qualified + " at " + Addresses.of(this) + ">";
    }
}
