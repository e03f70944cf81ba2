package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.app.script.ast.Stmt;

/** A function defined by the program, with its default values evaluated at {@code def} time. */
public record PyFunction(Stmt.FunctionDef definition, List<Object> defaults, Scope enclosing) {
    public PyFunction {
        defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
    }

    public String name() {
        return definition.name();
    }

    @Override
    public String toString() {
        return "<function " + definition.name() + " at 0x7f" + String.format("%010x", System.identityHashCode(this))
                + ">";
    }
}
