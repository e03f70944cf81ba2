package org.gradviz.app.script.ast;

import java.util.Optional;

/** A function parameter with its optional default value. */
public record Param(String name, Optional<Expr> defaultValue, int line, int column) implements Node {
}
