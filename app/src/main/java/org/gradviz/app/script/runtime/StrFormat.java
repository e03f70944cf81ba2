package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.app.script.ast.Conversion;

/** {@code "...".format(...)} and {@code "..." % values}, with Python's format specs and errors. */
final class StrFormat {

    private StrFormat() {
    }

    /** {@code template.format(*args, **kwargs)}: fields {@code {}}, {@code {0}}, {@code {name}}, {@code !r}, specs. */
    static String format(String template, Args a) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}' ) {
                if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw PyError.value("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw PyError.value("Single '{' encountered in format string");
            }
            String field = template.substring(i + 1, close);
            String spec = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            Conversion conversion = Conversion.NONE;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conversion = field.substring(bang + 1).equals("r") ? Conversion.REPR : Conversion.STR;
                field = field.substring(0, bang);
            }
            Object value;
            if (field.isEmpty()) {
                value = positional(a, auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                value = positional(a, Integer.parseInt(field));
            } else if (a.keywords().containsKey(field)) {
                value = a.keywords().get(field);
            } else {
                throw PyError.raised(ExceptionTypes.instance(ExceptionTypes.KEY_ERROR, List.of(field)));
            }
            out.append(Formatting.field(value, conversion, spec));
            i = close + 1;
        }
        return out.toString();
    }

    private static Object positional(Args a, int index) {
        if (index >= a.size()) {
            throw PyError.index("Replacement index " + index + " out of range for positional args tuple");
        }
        return a.positional().get(index);
    }

    /** {@code template % values}: {@code %s %r %d %i %f %e %g %x %%} with flags, width and precision. */
    static String percent(String template, Object values) {
        List<?> args = values instanceof PyTuple t ? t.items() : List.of(values);
        StringBuilder out = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i;
            while (i < template.length() && "-+ 0#.0123456789".indexOf(template.charAt(i)) >= 0) {
                i++;
            }
            if (i >= template.length()) {
                throw PyError.value("incomplete format");
            }
            String flags = template.substring(start, i);
            char type = template.charAt(i++);
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw PyError.type("not enough arguments for format string");
            }
            out.append(conversion(flags, type, args.get(next++)));
        }
        if (next < args.size()) {
            throw PyError.type("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String conversion(String flags, char type, Object value) {
        boolean left = flags.contains("-");
        String rest = flags.replace("-", "");
        switch (type) {
            case 's', 'r' -> {
                String text = type == 's' ? Values.str(value) : Values.repr(value);
                return Formatting.format(text, (left ? "<" : ">") + rest);
            }
            case 'd', 'i' -> {
                if (!Values.isNumber(value) && !(value instanceof org.gradviz.engine.Tensor)) {
                    throw PyError.type("%" + type + " format: a real number is required, not "
                            + Values.typeName(value));
                }
                double d = Values.isInteger(value) || value instanceof Boolean ? 0 : Values.toDouble(value, "%d");
                if (Double.isNaN(d)) {
                    throw PyError.value("cannot convert float NaN to integer");
                }
                if (Double.isInfinite(d)) {
                    throw new PyError("OverflowError", "cannot convert float infinity to integer");
                }
                Object number = value instanceof Boolean ? (Object) Values.toLong(value)
                        : Values.isInteger(value) ? value : Ints.fromDouble(d);
                return Formatting.format(number, (left ? "<" : "") + rest + "d");
            }
            case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                String spec = rest.contains(".") ? rest : rest + ".6";
                if (type == 'g' || type == 'G') {
                    spec = rest;
                }
                return Formatting.format(Values.toDouble(value, "must be real number"),
                        (left ? "<" : "") + spec + type);
            }
            case 'x', 'X', 'o' -> {
                if (!Values.isInteger(value)) {
                    throw PyError.type("%" + type + " format: an integer is required, not " + Values.typeName(value));
                }
                return Formatting.format(value, (left ? "<" : "") + rest + type);
            }
            default -> throw PyError.value("unsupported format character '" + type + "' (0x"
                    + Integer.toHexString(type) + ")");
        }
    }
}
