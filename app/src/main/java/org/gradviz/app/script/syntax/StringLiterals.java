package org.gradviz.app.script.syntax;

import java.util.Locale;
import java.util.Set;

import org.gradviz.app.script.ScriptSyntaxError;

/** Splits a string token into prefix and body, and decodes Python's backslash escapes. */
final class StringLiterals {

    private static final Set<String> PREFIXES = Set.of("r", "u", "f", "b", "br", "rb", "fr", "rf");

    /** The parts of one string token; the body starts at bodyLine:bodyColumn in the file. */
    record Literal(String prefix, String body, int bodyLine, int bodyColumn) {

        boolean isRaw() {
            return prefix.indexOf('r') >= 0;
        }

        boolean isFormatted() {
            return prefix.indexOf('f') >= 0;
        }

        boolean isBytes() {
            return prefix.indexOf('b') >= 0;
        }
    }

    private StringLiterals() {
    }

    static boolean isPrefix(String word) {
        return PREFIXES.contains(word.toLowerCase(Locale.ROOT));
    }

    static Literal split(Token token) {
        String text = token.text();
        int quoteAt = 0;
        while (text.charAt(quoteAt) != '\'' && text.charAt(quoteAt) != '"') {
            quoteAt++;
        }
        char quote = text.charAt(quoteAt);
        int quoteLength = text.startsWith(String.valueOf(quote).repeat(3), quoteAt)
                && text.length() - quoteAt >= 6 ? 3 : 1;
        String prefix = text.substring(0, quoteAt).toLowerCase(Locale.ROOT);
        String body = text.substring(quoteAt + quoteLength, text.length() - quoteLength);
        return new Literal(prefix, body, token.line(), token.column() + quoteAt + quoteLength);
    }

    /** Decodes the escapes of a non-raw string body; an unknown escape keeps its backslash, as in Python. */
    static String decode(String body, int line, int column) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                i++;
                continue;
            }
            i = decodeEscape(body, i, out, line, column);
        }
        return out.toString();
    }

    /** Decodes the escape at {@code body[i] == '\\'} and returns the index after it. */
    private static int decodeEscape(String body, int i, StringBuilder out, int line, int column) {
        char e = body.charAt(i + 1);
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case 'x' -> {
                return hexEscape(body, i, 2, "\\xXX", out, line, column);
            }
            case 'u' -> {
                return hexEscape(body, i, 4, "\\uXXXX", out, line, column);
            }
            case 'U' -> {
                return hexEscape(body, i, 8, "\\UXXXXXXXX", out, line, column);
            }
            case 'N' -> {
                return namedEscape(body, i, out, line, column);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    return octalEscape(body, i, out);
                }
                out.append('\\').append(e);
            }
        }
        return i + 2;
    }

    private static int hexEscape(String body, int i, int digits, String form, StringBuilder out, int line,
            int column) {
        int start = i + 2;
        int end = start;
        while (end < body.length() && end - start < digits && Character.digit(body.charAt(end), 16) >= 0
                && body.charAt(end) < 128) {
            end++;
        }
        if (end - start < digits) {
            throw unicodeError(i, end, "truncated " + form + " escape", line, column);
        }
        int codePoint = Integer.parseUnsignedInt(body.substring(start, end), 16);
        if (codePoint > Character.MAX_CODE_POINT) {
            throw unicodeError(i, end, "illegal Unicode character", line, column);
        }
        out.appendCodePoint(codePoint);
        return end;
    }

    private static int octalEscape(String body, int i, StringBuilder out) {
        int end = i + 1;
        while (end < body.length() && end - (i + 1) < 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
            end++;
        }
        out.appendCodePoint(Integer.parseInt(body.substring(i + 1, end), 8));
        return end;
    }

    private static int namedEscape(String body, int i, StringBuilder out, int line, int column) {
        int close = body.indexOf('}', i);
        if (i + 2 >= body.length() || body.charAt(i + 2) != '{' || close < 0) {
            throw unicodeError(i, i + 1, "malformed \\N character escape", line, column);
        }
        try {
            out.appendCodePoint(Character.codePointOf(body.substring(i + 3, close)));
        } catch (IllegalArgumentException unknown) {
            throw unicodeError(i, close, "unknown Unicode character name", line, column);
        }
        return close + 1;
    }

    private static ScriptSyntaxError unicodeError(int from, int to, String reason, int line, int column) {
        return ScriptSyntaxError.syntax("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + from + "-" + Math.max(from, to - 1) + ": " + reason, line, column);
    }
}
