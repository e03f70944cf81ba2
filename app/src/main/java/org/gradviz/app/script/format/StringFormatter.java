package org.gradviz.app.script.format;

/** {@code format(str, spec)}: type s or none, precision truncates, left-aligned by default. */
final class StringFormatter {

    private StringFormatter() {
    }

    static String format(String value, FormatSpec spec) {
        if (spec.type() != 0 && spec.type() != 's') {
            throw new FormatSpecException("Unknown format code '" + spec.type() + "' for object of type 'str'");
        }
        if (spec.sign() != 0) {
            throw new FormatSpecException("Sign not allowed in string format specifier");
        }
        if (spec.alternate()) {
            throw new FormatSpecException("Alternate form (#) not allowed in string format specifier");
        }
        if (spec.align() == '=') {
            throw new FormatSpecException("'=' alignment not allowed in string format specifier");
        }
        if (spec.grouping() != 0) {
            throw new FormatSpecException("Cannot specify '" + spec.grouping() + "' with 's'.");
        }
        String text = value;
        if (spec.precision() >= 0 && text.codePointCount(0, text.length()) > spec.precision()) {
            text = text.substring(0, text.offsetByCodePoints(0, spec.precision()));
        }
        return NumberLayout.pad("", text, spec.fill(), spec.alignOr('<'), spec.width());
    }
}
