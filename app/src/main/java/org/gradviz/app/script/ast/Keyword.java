package org.gradviz.app.script.ast;

/** A keyword argument {@code name=value} of a call. */
public record Keyword(String name, Expr value, int line, int column) implements Node {
}
