package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of a module or of one function call; lookups fall back to the enclosing scope. */
public final class Scope {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Scope enclosing;

    public Scope(Scope enclosing) {
        this.enclosing = enclosing;
    }

    /** The value of {@code name} here or in an enclosing scope, or null when it is not defined. */
    public Object lookup(String name) {
        for (Scope s = this; s != null; s = s.enclosing) {
            Object v = s.variables.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public void assign(String name, Object value) {
        variables.put(name, value);
    }

    /** The variables defined in this scope, in order of first assignment. */
    public Map<String, Object> variables() {
        return java.util.Collections.unmodifiableMap(variables);
    }
}
