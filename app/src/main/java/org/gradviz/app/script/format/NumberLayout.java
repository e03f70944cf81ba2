package org.gradviz.app.script.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Places a formatted number in its field: sign, base prefix, digit grouping, then fill and alignment. With
 * {@code =} alignment and fill {@code 0} the padding zeros are grouped too, as in Python ({@code 0,001,234}).
 */
final class NumberLayout {

    /** Bytes a char of the padding takes at most, in the padding and the field made of it. */
    private static final long BYTES_PER_CHAR = 4;

    private NumberLayout() {
    }

    /**
     * @param negative  whether to show a minus sign
     * @param prefix    a base prefix such as {@code 0x}, or empty
     * @param body      the unsigned digits with any point, exponent or percent sign
     * @param groupSize digits between separators: 3 for decimal, 4 for binary, octal and hex
     */
    static String layout(boolean negative, String prefix, String body, FormatSpec spec, int groupSize) {
        String sign = negative ? "-" : spec.sign() == '+' ? "+" : spec.sign() == ' ' ? " " : "";
        char align = spec.alignOr('>');
        int integerDigits = 0;
        while (integerDigits < body.length() && Character.isDigit(body.charAt(integerDigits))) {
            integerDigits++;
        }
        String number = body;
        if (spec.grouping() != 0 && integerDigits > 0) {
            String rest = body.substring(integerDigits);
            boolean zeroPadded = align == '=' && spec.fill() == '0';
            int minWidth = zeroPadded ? spec.width() - sign.length() - prefix.length() - rest.length() : 0;
            number = group(body.substring(0, integerDigits), spec.grouping(), groupSize, minWidth) + rest;
        }
        return pad(sign + prefix, number, spec.fill(), align, spec.width());
    }

    /** Pads {@code lead + number} to {@code width}; {@code =} puts the padding between the two. */
    static String pad(String lead, String number, char fill, char align, int width) {
        int padding = width - (lead + number).codePointCount(0, (lead + number).length());
        if (padding <= 0) {
            return lead + number;
        }
        Runtime runtime = Runtime.getRuntime();
        if (padding > (runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory())) / BYTES_PER_CHAR) {
            throw new FormatTooLargeException();
        }
        String all = String.valueOf(fill).repeat(padding);
        return switch (align) {
            case '<' -> lead + number + all;
            case '^' -> all.substring(0, padding / 2) + lead + number + all.substring(padding / 2);
            case '=' -> lead + all + number;
            default -> all + lead + number;
        };
    }

    /** Groups digits from the right, adding leading zeros until the result is at least {@code minWidth} long. */
    private static String group(String digits, char separator, int size, int minWidth) {
        List<String> groups = new ArrayList<>();
        int remaining = digits.length();
        int width = minWidth;
        while (true) {
            int length = Math.min(size, Math.max(Math.max(remaining, width), 1));
            int zeros = Math.max(0, length - remaining);
            int taken = Math.max(0, Math.min(remaining, length));
            groups.add("0".repeat(zeros) + digits.substring(remaining - taken, remaining));
            remaining -= taken;
            width -= length;
            if (remaining <= 0 && width <= 0) {
                break;
            }
            width -= 1;
        }
        Collections.reverse(groups);
        return String.join(String.valueOf(separator), groups);
    }
}
