package org.gradviz.app.script.ast;

/** A keyword argument {@code name=value} of a call, or {@code **value} (a dict of them) when the name is null. */
public record Keyword(String name, Expr value, int line, int column) implements Node {

    /** Whether this is {@code **value}. */
    public boolean isUnpacking() {
        return name == null;
    }
}
