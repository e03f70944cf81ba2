package org.gradviz.app.script.format;

import java.math.BigInteger;
import java.util.Locale;

/** {@code format(int, spec)} (bool too, with a non-empty spec): the types d, n, b, o, x, X, c and no type; float types convert to float. */
final class IntFormatter {

    private IntFormatter() {
    }

    static String format(BigInteger value, FormatSpec spec, String typeName) {
        char type = spec.type();
        if (type != 0 && "eEfFgG%".indexOf(type) >= 0) {
            return FloatFormatter.format(value.doubleValue(), spec);
        }
        if (type != 0 && "dnboxXc".indexOf(type) < 0) {
            throw new FormatSpecException("Unknown format code '" + type + "' for object of type '" + typeName + "'");
        }
        if (spec.precision() >= 0) {
            throw new FormatSpecException("Precision not allowed in integer format specifier");
        }
        if (spec.noNegativeZero()) {
            throw new FormatSpecException("Negative zero coercion (z) not allowed in integer format specifier");
        }
        boolean commaNotDecimal = spec.grouping() == ',' && type != 0 && type != 'd';
        boolean underscoreNotNumeric = spec.grouping() == '_' && (type == 'n' || type == 'c');
        if (commaNotDecimal || underscoreNotNumeric) {
            throw new FormatSpecException("Cannot specify '" + spec.grouping() + "' with '" + type + "'.");
        }
        if (type == 'c') {
            return character(value, spec);
        }
        int radix = switch (type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = value.abs().toString(radix);
        String prefix = spec.alternate() && radix != 10 ? "0" + type : "";
        if (type == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        return NumberLayout.layout(value.signum() < 0, prefix, digits, spec, radix == 10 ? 3 : 4);
    }

    private static String character(BigInteger value, FormatSpec spec) {
        if (spec.sign() != 0) {
            throw new FormatSpecException("Sign not allowed with integer format specifier 'c'");
        }
        if (spec.alternate()) {
            throw new FormatSpecException("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (value.signum() < 0 || value.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
            throw new FormatSpecException("%c arg not in range(0x110000)");
        }
        return NumberLayout.pad("", Character.toString(value.intValueExact()), spec.fill(), spec.alignOr('>'),
                spec.width());
    }
}
