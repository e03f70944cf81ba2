package org.gradviz.app.script.syntax;

/**
 * One token with its 1-based start position. The text is the source spelling: a name, an operator, the digits of
 * a number, or a whole string literal including prefix and quotes.
 */
public record Token(TokenKind kind, String text, int line, int column) {

    public boolean isOp(String op) {
        return kind == TokenKind.OP && text.equals(op);
    }

    public boolean isKeyword(String keyword) {
        return kind == TokenKind.KEYWORD && text.equals(keyword);
    }

    /** True if this token starts before {@code other} in the source. */
    public boolean isBefore(int otherLine, int otherColumn) {
        return line < otherLine || (line == otherLine && column < otherColumn);
    }
}
