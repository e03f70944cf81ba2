package org.gradviz.app.script.ast;

import java.util.List;

/** A piece of an f-string: literal text or a replacement field. */
public sealed interface FStringPart extends Node {

    /** Literal text, escapes already decoded and {@code {{ }}} already collapsed. */
    record Text(String text, int line, int column) implements FStringPart {
    }

    /**
     * A replacement field {@code {expr!conversion:spec}}. The format spec is itself a list of parts, since it may
     * hold nested fields ({@code {x:>{width}}}); an empty list means no spec.
     */
    record Field(Expr expr, Conversion conversion, List<FStringPart> spec, int line, int column)
            implements FStringPart {
        public Field {
            spec = List.copyOf(spec);
        }
    }
}
