package org.gradviz.app.script.syntax;

import java.util.Optional;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Program;

/**
 * The front end's entry point: source text in, syntax tree out, or a {@link ScriptSyntaxError} for a syntax
 * error or a construct outside the gradviz subset. Nothing runs before the whole file has passed.
 */
public final class ScriptParser {

    private ScriptParser() {
    }

    public static Program parse(String source) {
        LexedSource lexed = Lexer.lexFile(source);
        try {
            return new StatementParser(new TokenStream(lexed.tokens())).program();
        } catch (ScriptSyntaxError e) {
            throw neverClosedInstead(e, lexed.unclosedBracket());
        }
    }

    /**
     * A bracket left open at the end of the file explains any error found after it, so Python reports the bracket,
     * e.g. {@code '(' was never closed}.
     */
    private static ScriptSyntaxError neverClosedInstead(ScriptSyntaxError e, Optional<Token> open) {
        if (open.isEmpty() || e.kind() == ScriptSyntaxError.Kind.INDENTATION && open.get().line() > e.line()) {
            return e;
        }
        Token bracket = open.get();
        if (bracket.isBefore(e.line(), e.column()) || bracket.line() == e.line() && bracket.column() == e.column()) {
            return ScriptSyntaxError.syntax("'" + bracket.text() + "' was never closed", bracket.line(),
                    bracket.column());
        }
        return e;
    }
}
