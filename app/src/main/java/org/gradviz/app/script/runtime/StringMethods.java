package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/** The methods of a Python {@code str}, with CPython's results and messages. */
final class StringMethods {

    private StringMethods() {
    }

    /** {@code s.name} bound to {@code s}, or null when gradviz has no such method. */
    static Object get(String s, String name) {
        return switch (name) {
            case "join" -> new Builtin(name, a -> join(s, a.accept(1).get(0, "iterable")));
            case "upper" -> new Builtin(name, a -> s.toUpperCase());
            case "lower" -> new Builtin(name, a -> s.toLowerCase());
            case "title" -> new Builtin(name, a -> title(s));
            case "capitalize" -> new Builtin(name, a -> s.isEmpty() ? s
                    : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase());
            case "strip" -> new Builtin(name, a -> strip(s, chars(a), true, true));
            case "lstrip" -> new Builtin(name, a -> strip(s, chars(a), true, false));
            case "rstrip" -> new Builtin(name, a -> strip(s, chars(a), false, true));
            case "center", "ljust", "rjust" -> new Builtin(name, a -> pad(s, name, a.accept(2)));
            case "zfill" -> new Builtin(name, a -> zfill(s, (int) Math.min(Integer.MAX_VALUE,
                    a.accept(1).integer(0, "width"))));
            case "format" -> new Builtin(name, a -> StrFormat.format(s, a));
            case "startswith" -> new Builtin(name, a -> s.startsWith(a.accept(1).string(0, "prefix", "")));
            case "endswith" -> new Builtin(name, a -> s.endsWith(a.accept(1).string(0, "suffix", "")));
            case "replace" -> new Builtin(name, a -> s.replace(a.accept(2).string(0, "old", ""),
                    a.string(1, "new", "")));
            case "find" -> new Builtin(name, a -> (long) s.indexOf(a.accept(1).string(0, "sub", "")));
            case "rfind" -> new Builtin(name, a -> (long) s.lastIndexOf(a.accept(1).string(0, "sub", "")));
            case "index" -> new Builtin(name, a -> {
                int at = s.indexOf(a.accept(1).string(0, "sub", ""));
                if (at < 0) {
                    throw PyError.value("substring not found");
                }
                return (long) at;
            });
            case "count" -> new Builtin(name, a -> count(s, a.accept(1).string(0, "sub", "")));
            case "isdigit" -> new Builtin(name, a -> !s.isEmpty() && s.chars().allMatch(Character::isDigit));
            case "isalpha" -> new Builtin(name, a -> !s.isEmpty() && s.chars().allMatch(Character::isLetter));
            case "isspace" -> new Builtin(name, a -> !s.isEmpty() && s.chars().allMatch(Character::isWhitespace));
            case "split" -> new Builtin(name, a -> split(s, a.accept(1, "sep")));
            case "splitlines" -> new Builtin(name, a -> {
                a.accept(0);
                List<Object> lines = new ArrayList<>(List.of(s.split("\r\n|\n|\r", -1)));
                if (!lines.isEmpty() && ((String) lines.get(lines.size() - 1)).isEmpty()) {
                    lines.remove(lines.size() - 1);
                }
                return lines;
            });
            default -> null;
        };
    }

    private static String join(String separator, Object iterable) {
        List<String> parts = new ArrayList<>();
        for (Object x : Iteration.items(iterable)) {
            if (!(x instanceof String str)) {
                throw PyError.type("sequence item " + parts.size() + ": expected str instance, "
                        + Values.typeName(x) + " found");
            }
            parts.add(str);
        }
        return String.join(separator, parts);
    }

    private static List<Object> split(String s, Args a) {
        Object sep = a.get(0, "sep", PyNone.NONE);
        List<Object> parts = new ArrayList<>();
        if (sep == PyNone.NONE) {
            for (String part : s.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return parts;
        }
        String separator = a.string(0, "sep", " ");
        if (separator.isEmpty()) {
            throw PyError.value("empty separator");
        }
        parts.addAll(List.of(s.split(java.util.regex.Pattern.quote(separator), -1)));
        return parts;
    }

    /** The characters to strip: None or absent is whitespace (null). */
    private static String chars(Args a) {
        Object v = a.accept(1).get(0, "chars", PyNone.NONE);
        if (v == PyNone.NONE) {
            return null;
        }
        if (v instanceof String c) {
            return c;
        }
        throw PyError.type(a.function() + " arg must be None or str");
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    /** {@code center}, {@code ljust}, {@code rjust}: CPython puts center's odd extra space on the left when width is odd. */
    private static String pad(String s, String how, Args a) {
        long width = a.integer(0, "width");
        String fill = a.string(1, "fillchar", " ");
        if (fill.codePointCount(0, fill.length()) != 1) {
            throw PyError.type("The fill character must be exactly one character long");
        }
        int length = s.codePointCount(0, s.length());
        if (width <= length) {
            return s;
        }
        long margin = width - length;
        long left = switch (how) {
            case "ljust" -> 0;
            case "rjust" -> margin;
            default -> margin / 2 + (margin & width & 1);
        };
        return fill.repeat((int) left) + s + fill.repeat((int) (margin - left));
    }

    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        String zeros = "0".repeat(width - s.length());
        boolean signed = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
        return signed ? s.charAt(0) + zeros + s.substring(1) : zeros + s;
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (char c : s.toCharArray()) {
            out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return out.toString();
    }

    private static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.codePointCount(0, s.length()) + 1L;
        }
        long n = 0;
        for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
            n++;
        }
        return n;
    }
}
