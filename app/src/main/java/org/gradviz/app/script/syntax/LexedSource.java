package org.gradviz.app.script.syntax;

import java.util.List;
import java.util.Optional;

import org.gradviz.app.script.ScriptSyntaxError;

/**
 * The tokens of a source; the opening bracket still open at the end of the file if any (Python reports
 * {@code '(' was never closed} for it when parsing then fails); and the tokenizer's error if it stopped early.
 *
 * <p>Python tokenizes lazily, so a parse error before the tokenizer's error is usually reported, but most tokenizer
 * errors (those the tokenizer raises itself) win over a parse error: {@code overridesParseErrors} tells which.
 */
public record LexedSource(List<Token> tokens, Optional<Token> unclosedBracket,
        Optional<ScriptSyntaxError> error, boolean overridesParseErrors) {
    public LexedSource {
        tokens = List.copyOf(tokens);
    }
}
