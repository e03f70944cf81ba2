package org.gradviz.app.script.resolve;

import java.util.Set;

/**
 * How one function (or lambda, or comprehension) scope treats its names, decided before the program runs:
 * {@code locals} are assigned somewhere in its body (so every read of them is local, even before the assignment),
 * {@code globals} and {@code nonlocals} were declared so.
 */
public record ScopeNames(Set<String> locals, Set<String> globals, Set<String> nonlocals) {
    public ScopeNames {
        locals = Set.copyOf(locals);
        globals = Set.copyOf(globals);
        nonlocals = Set.copyOf(nonlocals);
    }
}
