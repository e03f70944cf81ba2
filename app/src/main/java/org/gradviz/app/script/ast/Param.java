package org.gradviz.app.script.ast;

import java.util.Optional;

/** A function parameter with its optional default value and its kind ({@code a}, {@code *args}, {@code **kw}). */
public record Param(String name, Optional<Expr> defaultValue, Kind kind, int line, int column) implements Node {

    /** How a parameter takes its argument. */
    public enum Kind {
        /** Positional or by keyword: {@code a}, {@code a=1}. */
        NORMAL,
        /** {@code *args}: the positional arguments left over, as a tuple. */
        VAR_POSITIONAL,
        /** After {@code *} or {@code *args}: by keyword only. */
        KEYWORD_ONLY,
        /** {@code **kwargs}: the keyword arguments left over, as a dict. */
        VAR_KEYWORD
    }

    public Param(String name, Optional<Expr> defaultValue, int line, int column) {
        this(name, defaultValue, Kind.NORMAL, line, column);
    }
}
