package org.gradviz.app.script.syntax;

import java.util.List;
import java.util.Optional;

/**
 * The tokens of a source, and the opening bracket still open at the end of the file if any: Python reports
 * {@code '(' was never closed} for it when parsing then fails.
 */
public record LexedSource(List<Token> tokens, Optional<Token> unclosedBracket) {
    public LexedSource {
        tokens = List.copyOf(tokens);
    }
}
