package org.gradviz.app.script.syntax;

import java.util.ArrayList;
import java.util.List;

import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Conversion;
import org.gradviz.app.script.ast.Expr;
import org.gradviz.app.script.ast.FStringPart;

/**
 * Splits the body of one f-string into literal text and replacement fields {@code {expr!conv:spec}}, following
 * Python 3.11: the expression may not contain a backslash or {@code #}, a spec may nest one more level of fields,
 * and {@code {expr=}} echoes its own source. Each expression is lexed and parsed at its real file position.
 */
final class FStringParser {

    private static final int MAX_NESTING = 2;

    private final String body;
    private final boolean raw;
    private int i;
    private int line;
    private int column;

    FStringParser(StringLiterals.Literal literal) {
        this.body = literal.body();
        this.raw = literal.isRaw();
        this.line = literal.bodyLine();
        this.column = literal.bodyColumn();
    }

    List<FStringPart> parse() {
        List<FStringPart> parts = parts(0, false);
        return mergeText(parts);
    }

    /**
     * Reads text and fields up to the end of the body, or in a format spec up to the {@code '}'} that closes the
     * enclosing field (left unconsumed).
     */
    private List<FStringPart> parts(int nesting, boolean inSpec) {
        List<FStringPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textLine = line;
        int textColumn = column;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (inSpec && c == '}') {
                break;
            }
            if (c == '{' && !inSpec && peekIs(1, '{') || c == '}' && peekIs(1, '}')) {
                text.append(c);
                advance(2);
            } else if (c == '{') {
                flushText(parts, text, textLine, textColumn);
                parts.addAll(field(nesting));
                textLine = line;
                textColumn = column;
            } else if (c == '}') {
                throw error("f-string: single '}' is not allowed");
            } else if (c == '\\' && !raw) {
                escapeInText(text);
            } else {
                text.append(c);
                advance(1);
            }
        }
        flushText(parts, text, textLine, textColumn);
        return parts;
    }

    /** Keeps an escape whole for decoding later, except that it never swallows a brace. */
    private void escapeInText(StringBuilder text) {
        if (peekIs(1, 'N') && peekIs(2, '{')) {
            int close = body.indexOf('}', i);
            int end = close < 0 ? body.length() : close + 1;
            text.append(body, i, end);
            advance(end - i);
        } else if (i + 1 < body.length() && body.charAt(i + 1) != '{' && body.charAt(i + 1) != '}') {
            text.append(body, i, i + 2);
            advance(2);
        } else {
            text.append('\\');
            advance(1);
        }
    }

    private void flushText(List<FStringPart> parts, StringBuilder text, int textLine, int textColumn) {
        if (text.length() == 0) {
            return;
        }
        String value = raw ? text.toString() : StringLiterals.decode(text.toString(), textLine, textColumn);
        parts.add(new FStringPart.Text(value, textLine, textColumn));
        text.setLength(0);
    }

    /** Parses the field at the {@code '{'} under the cursor; {@code {x=}} also yields its echo text. */
    private List<FStringPart> field(int nesting) {
        if (nesting >= MAX_NESTING) {
            throw error("f-string: expressions nested too deeply");
        }
        int fieldLine = line;
        int fieldColumn = column;
        advance(1);
        int exprLine = line;
        int exprColumn = column;
        int exprStart = i;
        scanExpression();
        String source = body.substring(exprStart, i);
        if (source.isBlank()) {
            throw error("f-string: empty expression not allowed");
        }
        Expr expr = parseEmbedded(source, exprLine, exprColumn);
        String echo = "";
        if (peekIs(0, '=')) {
            advance(1);
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                advance(1);
            }
            echo = body.substring(exprStart, i);
        }
        Conversion conversion = conversion();
        List<FStringPart> spec = List.of();
        if (peekIs(0, ':')) {
            advance(1);
            spec = parts(nesting + 1, true);
        }
        if (!peekIs(0, '}')) {
            throw error("f-string: expecting '}'");
        }
        advance(1);
        if (!echo.isEmpty() && conversion == Conversion.NONE && spec.isEmpty()) {
            conversion = Conversion.REPR;
        }
        FStringPart.Field field = new FStringPart.Field(expr, conversion, spec, fieldLine, fieldColumn);
        if (echo.isEmpty()) {
            return List.of(field);
        }
        return List.of(new FStringPart.Text(echo, exprLine, exprColumn), field);
    }

    private Conversion conversion() {
        if (!peekIs(0, '!')) {
            return Conversion.NONE;
        }
        advance(1);
        Conversion conversion = i < body.length() ? Conversion.forChar(body.charAt(i)) : null;
        if (conversion == null) {
            throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        advance(1);
        return conversion;
    }

    /** Moves the cursor to the end of the field's expression: a top-level {@code } ! : =}. */
    private void scanExpression() {
        StringBuilder open = new StringBuilder();
        char quote = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                throw error("f-string expression part cannot include a backslash");
            } else if (c == '#') {
                throw error("f-string expression part cannot include '#'");
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                open.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (open.length() == 0) {
                    if (c == '}') {
                        return;
                    }
                    throw error("f-string: unmatched '" + c + "'");
                }
                char top = open.charAt(open.length() - 1);
                if ("([{".indexOf(top) != ")]}".indexOf(c)) {
                    throw error("f-string: closing parenthesis '" + c + "' does not match opening parenthesis '"
                            + top + "'");
                }
                open.setLength(open.length() - 1);
            } else if (open.length() == 0 && endsExpression(c)) {
                return;
            }
            advance(1);
        }
        throw error(quote != 0 ? "f-string: unterminated string" : "f-string: expecting '}'");
    }

    private boolean endsExpression(char c) {
        boolean doubled = peekIs(1, '=');
        boolean afterOperator = i > 0 && "=!<>".indexOf(body.charAt(i - 1)) >= 0;
        return (c == '!' && !doubled) || c == ':' || (c == '=' && !doubled && !afterOperator);
    }

    private static Expr parseEmbedded(String source, int line, int column) {
        try {
            TokenStream ts = new TokenStream(Lexer.lexEmbedded(source, line, column).tokens());
            ExpressionParser parser = new ExpressionParser(ts);
            Expr expr = parser.starExpressions();
            if (expr instanceof Expr.Starred) {
                throw ScriptSyntaxError.syntax("cannot use starred expression here", expr.line(), expr.column());
            }
            if (!ts.at(TokenKind.END)) {
                parser.checkMissingComma(expr);
                throw ts.invalidSyntax();
            }
            return expr;
        } catch (ScriptSyntaxError e) {
            if (e.kind() != ScriptSyntaxError.Kind.SYNTAX || e.detail().startsWith("f-string")) {
                throw e;
            }
            throw ScriptSyntaxError.syntax("f-string: " + e.detail(), e.line(), e.column());
        }
    }

    /** Joins neighbouring text parts, as Python does for implicit concatenation. */
    static List<FStringPart> mergeText(List<FStringPart> parts) {
        List<FStringPart> merged = new ArrayList<>();
        for (FStringPart part : parts) {
            int last = merged.size() - 1;
            if (part instanceof FStringPart.Text text && last >= 0
                    && merged.get(last) instanceof FStringPart.Text previous) {
                merged.set(last, new FStringPart.Text(previous.text() + text.text(), previous.line(),
                        previous.column()));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    private boolean peekIs(int ahead, char c) {
        return i + ahead < body.length() && body.charAt(i + ahead) == c;
    }

    private void advance(int count) {
        for (int k = 0; k < count && i < body.length(); k++) {
            if (body.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
    }

    private ScriptSyntaxError error(String message) {
        return ScriptSyntaxError.syntax(message, line, column);
    }
}
