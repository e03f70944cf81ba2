package org.gradviz.app.script.resolve;

import java.util.IdentityHashMap;
import java.util.Map;

import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.Stmt;

/** What the {@link Resolver} decided: the {@link ScopeNames} of every function, lambda and comprehension. */
public final class Resolution {

    private final Map<Object, ScopeNames> scopes = new IdentityHashMap<>();

    void put(Object scopeNode, ScopeNames names) {
        scopes.put(scopeNode, names);
    }

    /** The names of a {@code def} or of a lambda's function. */
    public ScopeNames of(Stmt.FunctionDef function) {
        return get(function);
    }

    public ScopeNames of(Expr.Comprehension comprehension) {
        return get(comprehension);
    }

    private ScopeNames get(Object node) {
        ScopeNames names = scopes.get(node);
        if (names == null) {
            throw new IllegalStateException("not resolved: " + node);
        }
        return names;
    }
}
