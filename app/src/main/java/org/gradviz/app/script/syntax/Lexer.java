package org.gradviz.app.script.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.gradviz.app.script.ScriptSyntaxError;

/**
 * Turns source text into tokens the way Python's tokenizer does: logical lines end in NEWLINE, indentation changes
 * become INDENT and DEDENT, newlines inside brackets and after a backslash join lines, comments vanish.
 *
 * <p>An embedded lexer reads the expression of an f-string field: it has no line structure (as if inside
 * parentheses) and positions start where the expression starts in the file.
 */
public final class Lexer {

    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".",
        ";", "=",
    };

    private final String src;
    private final boolean embedded;
    private final int firstLine;
    private final int firstColumnOffset;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int pos;
    private int line;
    private int lineStart;

    private Lexer(String src, boolean embedded, int firstLine, int firstColumn) {
        this.src = src;
        this.embedded = embedded;
        this.firstLine = firstLine;
        this.firstColumnOffset = firstColumn - 1;
        this.line = firstLine;
        indents.push(0);
    }

    /** Lexes a whole file. Line endings are normalised and a final newline is added if missing. */
    public static LexedSource lexFile(String source) {
        String normal = source.replace("\r\n", "\n").replace('\r', '\n');
        if (!normal.isEmpty() && !normal.endsWith("\n")) {
            normal += "\n";
        }
        return new Lexer(normal, false, 1, 1).run();
    }

    /** Lexes the expression of an f-string field that starts at the given file position. */
    public static LexedSource lexEmbedded(String expression, int line, int column) {
        return new Lexer(expression, true, line, column).run();
    }

    private LexedSource run() {
        boolean atLineStart = !embedded;
        while (true) {
            if (atLineStart) {
                if (!startLogicalLine()) {
                    break;
                }
                atLineStart = false;
            }
            if (pos >= src.length()) {
                break;
            }
            atLineStart = scanNext();
        }
        finish();
        return new LexedSource(tokens, Optional.ofNullable(brackets.peek()));
    }

    /**
     * Skips blank and comment-only lines, then handles the indentation of the next logical line.
     *
     * @return false at the end of the file
     */
    private boolean startLogicalLine() {
        while (pos < src.length()) {
            int width = 0;
            int p = pos;
            while (p < src.length()) {
                char c = src.charAt(p);
                if (c == ' ') {
                    width++;
                } else if (c == '\t') {
                    width = (width / 8 + 1) * 8;
                } else if (c == '\f') {
                    width = 0;
                } else {
                    break;
                }
                p++;
            }
            if (p >= src.length()) {
                pos = p;
                return false;
            }
            char c = src.charAt(p);
            if (c == '#' || c == '\n') {
                int end = src.indexOf('\n', p);
                pos = end < 0 ? src.length() : end + 1;
                newLine(pos);
                continue;
            }
            pos = p;
            indent(width, p - lineStart);
            return true;
        }
        return false;
    }

    private void indent(int width, int indentChars) {
        int top = indents.peek();
        if (width > top) {
            indents.push(width);
            tokens.add(new Token(TokenKind.INDENT, "", line, Math.max(1, indentChars)));
            return;
        }
        while (width < top) {
            indents.pop();
            tokens.add(new Token(TokenKind.DEDENT, "", line, indentChars + 1));
            top = indents.peek();
            if (width > top) {
                throw ScriptSyntaxError.indentation("unindent does not match any outer indentation level",
                        line, lineLength() + 1);
            }
        }
    }

    /**
     * Scans one token or skips whitespace, a comment or a newline.
     *
     * @return true if a logical line just ended
     */
    private boolean scanNext() {
        char c = src.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\f') {
            pos++;
        } else if (c == '#') {
            int end = src.indexOf('\n', pos);
            pos = end < 0 ? src.length() : end;
        } else if (c == '\n') {
            boolean endsLine = brackets.isEmpty() && !embedded;
            if (endsLine) {
                tokens.add(token(TokenKind.NEWLINE, "", pos));
            }
            newLine(pos + 1);
            return endsLine;
        } else if (c == '\\') {
            continueLine();
        } else if (isNameStart(c)) {
            scanNameOrPrefixedString();
        } else if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            scanNumber();
        } else if (c == '\'' || c == '"') {
            scanString(pos, 0);
        } else {
            scanOperator(c);
        }
        return false;
    }

    private void continueLine() {
        int backslash = pos;
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
            int backslashLine = line;
            int backslashColumn = columnOf(backslash);
            newLine(pos + 2);
            if (pos >= src.length() && !embedded) {
                throw ScriptSyntaxError.syntax("unexpected EOF while parsing", backslashLine, backslashColumn + 1);
            }
            return;
        }
        throw error("unexpected character after line continuation character", backslash, 1);
    }

    private void scanNameOrPrefixedString() {
        int start = pos;
        int p = pos;
        while (p < src.length() && isNamePart(src.charAt(p))) {
            p++;
        }
        String word = src.substring(start, p);
        if (p < src.length() && (src.charAt(p) == '\'' || src.charAt(p) == '"') && StringLiterals.isPrefix(word)) {
            scanString(start, word.length());
            return;
        }
        pos = p;
        TokenKind kind = Keywords.isReserved(word) ? TokenKind.KEYWORD : TokenKind.NAME;
        tokens.add(token(kind, word, start));
    }

    private void scanNumber() {
        int start = pos;
        pos = NumberScanner.scanEnd(src, start, this::error);
        tokens.add(token(TokenKind.NUMBER, src.substring(start, pos), start));
    }

    private void scanString(int start, int prefixLength) {
        int quoteAt = start + prefixLength;
        char quote = src.charAt(quoteAt);
        boolean triple = src.startsWith(String.valueOf(quote).repeat(3), quoteAt);
        String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        int startLine = line;
        int startColumn = columnOf(start);
        int i = quoteAt + closing.length();
        while (true) {
            if (i >= src.length()) {
                String what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal";
                throw ScriptSyntaxError.syntax(what + " (detected at line " + lastLine() + ")",
                        startLine, startColumn);
            }
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                if (src.charAt(i + 1) == '\n') {
                    newLine(i + 2);
                }
                i += 2;
            } else if (c == '\n') {
                if (!triple) {
                    throw ScriptSyntaxError.syntax("unterminated string literal (detected at line " + line + ")",
                            startLine, startColumn);
                }
                i++;
                newLine(i);
            } else if (src.startsWith(closing, i)) {
                i += closing.length();
                break;
            } else {
                i++;
            }
        }
        tokens.add(new Token(TokenKind.STRING, src.substring(start, i), startLine, startColumn));
        pos = i;
    }

    private void scanOperator(char c) {
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                Token token = token(TokenKind.OP, op, pos);
                trackBracket(token);
                tokens.add(token);
                pos += op.length();
                return;
            }
        }
        if (c == 0) {
            throw error("source code cannot contain null bytes", pos, 0);
        }
        if (c < 128) {
            throw error("invalid syntax", pos, 0);
        }
        int codePoint = src.codePointAt(pos);
        throw error(String.format("invalid character '%s' (U+%04X)", Character.toString(codePoint), codePoint),
                pos, 0);
    }

    private void trackBracket(Token token) {
        switch (token.text()) {
            case "(", "[", "{" -> brackets.push(token);
            case ")", "]", "}" -> closeBracket(token);
            default -> {
            }
        }
    }

    private void closeBracket(Token closing) {
        Token open = brackets.poll();
        if (open == null) {
            throw ScriptSyntaxError.syntax("unmatched '" + closing.text() + "'", closing.line(), closing.column());
        }
        if (!matches(open.text(), closing.text())) {
            String where = open.line() == closing.line() ? "" : " on line " + open.line();
            throw ScriptSyntaxError.syntax("closing parenthesis '" + closing.text()
                    + "' does not match opening parenthesis '" + open.text() + "'" + where,
                    closing.line(), closing.column());
        }
    }

    private static boolean matches(String open, String close) {
        return (open.equals("(") && close.equals(")")) || (open.equals("[") && close.equals("]"))
                || (open.equals("{") && close.equals("}"));
    }

    private void finish() {
        int[] end = endPosition();
        if (!embedded) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            if (last != null && last.kind() != TokenKind.NEWLINE && last.kind() != TokenKind.DEDENT) {
                tokens.add(new Token(TokenKind.NEWLINE, "", end[0], end[1]));
            }
            while (indents.size() > 1) {
                indents.pop();
                tokens.add(new Token(TokenKind.DEDENT, "", end[0], end[1]));
            }
        }
        tokens.add(new Token(TokenKind.END, "", end[0], end[1]));
    }

    /** The end of the last physical line, not counting its newline: where Python reports errors at EOF. */
    private int[] endPosition() {
        if (embedded) {
            return new int[] {line, columnOf(src.length())};
        }
        if (src.isEmpty()) {
            return new int[] {1, 1};
        }
        int lastNewline = src.length() - 1;
        int start = src.lastIndexOf('\n', lastNewline - 1) + 1;
        return new int[] {lastLine(), lastNewline - start + 1};
    }

    private int lastLine() {
        int count = firstLine;
        for (int i = 0; i < src.length() - 1; i++) {
            if (src.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private void newLine(int nextLineStart) {
        pos = Math.max(pos, nextLineStart);
        line++;
        lineStart = nextLineStart;
    }

    private int lineLength() {
        int end = src.indexOf('\n', lineStart);
        return (end < 0 ? src.length() : end) - lineStart;
    }

    private int columnOf(int index) {
        return index - lineStart + 1 + (line == firstLine ? firstColumnOffset : 0);
    }

    private Token token(TokenKind kind, String text, int start) {
        return new Token(kind, text, line, columnOf(start));
    }

    private ScriptSyntaxError error(String message, int index, int columnShift) {
        return ScriptSyntaxError.syntax(message, line, columnOf(index) + columnShift);
    }

    static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
