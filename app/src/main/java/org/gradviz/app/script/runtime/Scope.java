package org.gradviz.app.script.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.script.resolve.ScopeNames;

/**
 * The variables of the module, of one function call, of a comprehension or of a class body, with Python's rules
 * for reading and writing a name as the resolver decided them: a function's locals are only ever its own, a
 * global or nonlocal declaration sends the name to the module or to the enclosing function, and other names are
 * looked up in the enclosing functions, then the module. Class bodies are not seen from the functions in them.
 */
public final class Scope {
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Scope enclosing;
    private final Scope module;
    /** How a function or comprehension treats its names; null for the module and class bodies. */
    private final ScopeNames names;
    private final boolean classBody;

    private Scope(Scope enclosing, ScopeNames names, boolean classBody) {
        this.enclosing = enclosing;
        this.module = enclosing == null ? this : enclosing.module;
        this.names = names;
        this.classBody = classBody;
    }

    /** The module's scope: its globals. */
    public static Scope module() {
        return new Scope(null, null, false);
    }

    /** The scope of one call of a function (or of a comprehension) defined in {@code enclosing}. */
    static Scope function(Scope enclosing, ScopeNames names) {
        return new Scope(enclosing, names, false);
    }

    /** The namespace a class body runs in. */
    static Scope classBody(Scope enclosing) {
        return new Scope(enclosing, null, true);
    }

    /** The scope functions defined here see as theirs: a class body's names are not visible in its methods. */
    Scope forNestedFunctions() {
        return classBody ? enclosing.forNestedFunctions() : this;
    }

    /** The value of {@code name} as this scope sees it, or null when it is not defined (then: builtins). */
    public Object lookup(String name) {
        if (names == null) {
            Object v = variables.get(name);
            return v != null || enclosing == null ? v : enclosing.lookupFree(name);
        }
        if (names.globals().contains(name)) {
            return module.variables.get(name);
        }
        if (names.locals().contains(name)) {
            Object v = variables.get(name);
            if (v == null) {
                throw new PyError("UnboundLocalError",
                        "cannot access local variable '" + name + "' where it is not associated with a value");
            }
            return v;
        }
        return enclosing.lookupFree(name);
    }

    /** {@code name} read from a function nested in this scope. */
    private Object lookupFree(String name) {
        if (classBody) {
            return enclosing.lookupFree(name);
        }
        if (names == null) {
            return variables.get(name);
        }
        if (names.globals().contains(name)) {
            return module.variables.get(name);
        }
        if (names.locals().contains(name)) {
            Object v = variables.get(name);
            if (v == null) {
                throw new PyError("NameError", "cannot access free variable '" + name
                        + "' where it is not associated with a value in enclosing scope");
            }
            return v;
        }
        return enclosing.lookupFree(name);
    }

    public void assign(String name, Object value) {
        owner(name).variables.put(name, value);
    }

    /**
     * {@code del name}: unbinds it where a write would go, or Python's error when it is not bound there (a
     * function's own local: UnboundLocalError; a global: NameError).
     */
    void unbind(String name) {
        Scope owner = owner(name);
        if (owner.variables.remove(name) == null) {
            boolean local = owner == this && names != null && names.locals().contains(name);
            throw local ? new PyError("UnboundLocalError", "cannot access local variable '" + name
                    + "' where it is not associated with a value")
                    : new PyError("NameError", "name '" + name + "' is not defined");
        }
    }

    /** Unbinds {@code name}, as Python does with the name of {@code except E as name} when the handler ends. */
    void delete(String name) {
        owner(name).variables.remove(name);
    }

    /** The scope a write of {@code name} from here goes to. */
    private Scope owner(String name) {
        if (names == null) {
            return this;
        }
        if (names.globals().contains(name)) {
            return module;
        }
        if (names.nonlocals().contains(name)) {
            Scope s = enclosing;
            while (s.classBody || s.names == null || !s.names.locals().contains(name)) {
                s = s.enclosing;
            }
            return s;
        }
        return this;
    }

    /** The variables defined in this scope, in order of first assignment. */
    public Map<String, Object> variables() {
        return Collections.unmodifiableMap(variables);
    }
}
