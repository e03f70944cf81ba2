package org.gradviz.app.script.syntax;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.gradviz.app.script.ScriptCancelledException;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Program;

/**
 * The front end's entry point: source text in, syntax tree out, or a {@link ScriptSyntaxError} for a syntax
 * error or a construct outside the gradviz subset. Nothing runs before the whole file has passed.
 *
 * <p>When a file has several problems, the one reported follows Python 3.11: a tokenizer error raised by the
 * tokenizer beats a parse error, a bracket left open explains errors on later lines, and any syntax error beats a
 * refusal of valid Python.
 */
public final class ScriptParser {

    /**
     * Recursive descent takes about sixteen frames per bracket level, and Python allows 200 levels, so parsing runs
     * on a thread with a stack that surely fits, whatever the caller's stack.
     */
    private static final long STACK_BYTES = 64L << 20;

    private ScriptParser() {
    }

    public static Program parse(String source) {
        AtomicReference<Program> program = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread parser = new Thread(null, () -> {
            try {
                program.set(parseOnThisThread(source));
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (StackOverflowError e) {
                failure.set(ScriptSyntaxError.syntax("too many nested parentheses", 1, 1));
            }
        }, "gradviz-parser", STACK_BYTES);
        parser.start();
        try {
            parser.join();
        } catch (InterruptedException e) {
            parser.interrupt();
            Thread.currentThread().interrupt();
            throw new ScriptCancelledException();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return program.get();
    }

    private static Program parseOnThisThread(String source) {
        LexedSource lexed = Lexer.lexFile(source);
        try {
            return new StatementParser(new TokenStream(lexed.tokens())).program();
        } catch (ScriptSyntaxError parseError) {
            throw choose(parseError, lexed);
        }
    }

    private static ScriptSyntaxError choose(ScriptSyntaxError parseError, LexedSource lexed) {
        if (lexed.error().isPresent()) {
            ScriptSyntaxError tokenizerError = lexed.error().get();
            boolean reached = !isBefore(parseError, tokenizerError.line(), tokenizerError.column());
            boolean refusal = parseError.kind() == ScriptSyntaxError.Kind.UNSUPPORTED;
            // NOTE: Python reports an unexpected indent before it looks at the rest of the file
            boolean unexpectedIndent = parseError.detail().equals("unexpected indent");
            boolean overrides = lexed.overridesParseErrors() && !unexpectedIndent;
            return reached || refusal || overrides ? tokenizerError : parseError;
        }
        return neverClosedInstead(parseError, lexed);
    }

    /**
     * A bracket left open at the end of the file explains an error on a later line, or at the end of the file, so
     * Python reports the bracket: {@code '(' was never closed}.
     */
    private static ScriptSyntaxError neverClosedInstead(ScriptSyntaxError e, LexedSource lexed) {
        Optional<Token> open = lexed.unclosedBracket();
        if (open.isEmpty()) {
            return e;
        }
        Token bracket = open.get();
        Token end = lexed.tokens().get(lexed.tokens().size() - 1);
        boolean laterLine = e.line() > bracket.line();
        boolean atEnd = !isBefore(e, end.line(), end.column());
        boolean missingComma = e.detail().endsWith("Perhaps you forgot a comma?");
        if (bracket.isBefore(e.line(), e.column()) && (laterLine || atEnd || missingComma)) {
            return ScriptSyntaxError.syntax("'" + bracket.text() + "' was never closed", bracket.line(),
                    bracket.column());
        }
        return e;
    }

    private static boolean isBefore(ScriptSyntaxError e, int line, int column) {
        return e.line() < line || (e.line() == line && e.column() < column);
    }
}
