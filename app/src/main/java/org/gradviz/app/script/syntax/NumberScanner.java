package org.gradviz.app.script.syntax;

import java.util.function.IntPredicate;

import org.gradviz.app.script.ScriptSyntaxError;

/** Finds where a numeric literal ends and rejects malformed ones with Python's messages. */
final class NumberScanner {

    /** Builds the error for a message at a source index, shifted by some columns. */
    @FunctionalInterface
    interface ErrorAt {
        ScriptSyntaxError at(String message, int index, int columnShift);
    }

    private NumberScanner() {
    }

    /** The index just past the number literal starting at {@code start}. */
    static int scanEnd(String s, int start, ErrorAt error) {
        if (s.charAt(start) == '0' && start + 1 < s.length() && "xXoObB".indexOf(s.charAt(start + 1)) >= 0) {
            return scanPrefixed(s, start, error);
        }
        IntPredicate decimal = c -> c >= '0' && c <= '9';
        int p = digits(s, start, decimal, "decimal", error);
        boolean isFloat = false;
        if (p < s.length() && s.charAt(p) == '.') {
            isFloat = true;
            p = digits(s, p + 1, decimal, "decimal", error);
        }
        if (p < s.length() && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < s.length() && (s.charAt(q) == '+' || s.charAt(q) == '-')) {
                q++;
            }
            if (q >= s.length() || !decimal.test(s.charAt(q))) {
                throw error.at("invalid decimal literal", start, 0);
            }
            isFloat = true;
            p = digits(s, q, decimal, "decimal", error);
        }
        if (p < s.length() && (s.charAt(p) == 'j' || s.charAt(p) == 'J')) {
            p++;
        } else if (!isFloat) {
            rejectLeadingZeros(s.substring(start, p).replace("_", ""), start, error);
        }
        rejectTrailingName(s, start, p, "decimal", error);
        return p;
    }

    private static int scanPrefixed(String s, int start, ErrorAt error) {
        char base = Character.toLowerCase(s.charAt(start + 1));
        String name = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
        IntPredicate digit = switch (base) {
            case 'x' -> c -> Character.digit(c, 16) >= 0 && c < 128;
            case 'o' -> c -> c >= '0' && c <= '7';
            default -> c -> c == '0' || c == '1';
        };
        int p = start + 2;
        if (p < s.length() && s.charAt(p) == '_') {
            p++;
        }
        int digitsStart = p;
        p = digits(s, p, digit, name, error);
        if (p == digitsStart) {
            throw error.at("invalid " + name + " literal", start, 1);
        }
        rejectTrailingName(s, start, p, name, error);
        return p;
    }

    private static int digits(String s, int p, IntPredicate digit, String name, ErrorAt error) {
        while (p < s.length()) {
            char c = s.charAt(p);
            if (digit.test(c)) {
                p++;
            } else if (c == '_' && p + 1 < s.length() && digit.test(s.charAt(p + 1))) {
                p += 2;
            } else if (c == '_') {
                throw error.at("invalid " + name + " literal", p, 0);
            } else {
                break;
            }
        }
        return p;
    }

    private static void rejectLeadingZeros(String digits, int start, ErrorAt error) {
        if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(c -> c == '0')) {
            throw error.at("leading zeros in decimal integer literals are not permitted; "
                    + "use an 0o prefix for octal integers", start, 0);
        }
    }

    /** {@code 1abc} is an error, but {@code 1if x else 2} lexes as a number followed by a keyword. */
    private static void rejectTrailingName(String s, int start, int p, String name, ErrorAt error) {
        if (p >= s.length() || !Lexer.isNamePart(s.charAt(p))) {
            return;
        }
        int q = p;
        while (q < s.length() && Lexer.isNamePart(s.charAt(q))) {
            q++;
        }
        if (!Keywords.isReserved(s.substring(p, q))) {
            throw error.at("invalid " + name + " literal", start, 0);
        }
    }
}
