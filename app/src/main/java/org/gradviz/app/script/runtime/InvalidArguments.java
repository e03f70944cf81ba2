package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;

/**
 * torch's TypeError for a call no signature of a function takes, as its argument parser writes it
 * (torch/csrc/utils/invalid_arguments.cpp, without a terminal's colours): with one plausible signature (by the
 * number of arguments) torch says what is wrong with the argument, as the binding already did; else it lists every
 * signature and, under each that takes as many arguments as were given, which of them do not fit ({@code !float!}).
 */
final class InvalidArguments {

    private InvalidArguments() {
    }

    /**
     * {@code error}, a TypeError from binding a call of {@code function} to its one signature, as torch says it given
     * all of {@code overloads} (the {@code torch.X} ones; for a method call, the method's, without self and out).
     */
    static PyError of(PyError error, String function, List<OpSpec.Overload> overloads, Args a, boolean method) {
        if (!error.pythonType().equals("TypeError") || overloads.isEmpty()) {
            return error;
        }
        List<OpSpec.Overload> options = method ? methodForms(overloads) : overloads;
        List<Object> positional = method ? a.positional().subList(1, a.size()) : a.positional();
        int given = positional.size() + a.keywords().size();
        long plausible = options.stream().filter(o -> given >= o.minArgs() && given <= o.maxArgs()).count();
        if (plausible == 1 || options.isEmpty()) {
            return error;
        }
        for (OpSpec.Overload o : options) {
            if (given >= o.minArgs() && given <= o.maxArgs() && a.keywords().isEmpty()
                    && takesNames(parameters(o.printed()), positional)) {
                return unknownName(positional, method ? (Tensor) a.positional().get(0) : null);
            }
        }
        return PyError.type(message(function, options, positional, a.keywords()));
    }

    /**
     * Whether the arguments fit a signature with a dimension name where a str was given: torch then runs that one,
     * and finds no such name (gradviz's tensors have none).
     */
    private static boolean takesNames(List<String[]> option, List<Object> positional) {
        boolean named = false;
        for (int i = 0; i < positional.size(); i++) {
            String type = option.get(i)[0];
            boolean name = type.equals("name") || type.equals("tuple of names");
            if (name && positional.get(i) instanceof String) {
                named = true;
            } else if (!fits(type, positional.get(i))) {
                return false;
            }
        }
        return named;
    }

    /** torch's RuntimeError for a dimension name no dimension has: {@code Name 'a' not found in Tensor[None].} */
    private static PyError unknownName(List<Object> positional, Tensor self) {
        Tensor t = self;
        String name = null;
        for (Object v : positional) {
            if (t == null && v instanceof Tensor x) {
                t = x;
            } else if (name == null && v instanceof String text) {
                name = text;
            }
        }
        int rank = t == null ? 0 : t.dim();
        return new PyError("RuntimeError", "Name '" + name + "' not found in Tensor["
                + String.join(", ", java.util.Collections.nCopies(rank, "None")) + "].");
    }

    private static String message(String function, List<OpSpec.Overload> options, List<Object> positional,
                                  Map<String, Object> keywords) {
        StringBuilder s = new StringBuilder(function + "() received an invalid combination of arguments - got ");
        if (options.size() == 1) {
            List<String[]> option = parameters(options.get(0).printed());
            s.append(countMatches(option, positional, keywords) ? formatted(option, positional, keywords)
                    : described(positional, keywords));
            return s.append(", but expected ").append(options.get(0).printed()).toString();
        }
        s.append(described(positional, keywords)).append(", but expected one of:\n");
        for (OpSpec.Overload o : options) {
            s.append(" * ").append(o.printed()).append('\n');
            List<String[]> option = parameters(o.printed());
            if (countMatches(option, positional, keywords)) {
                s.append("      didn't match because some of the arguments have invalid types: ")
                        .append(formatted(option, positional, keywords)).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * The method's signatures: those of the function whose first parameter is {@code Tensor input}, without it and
     * without {@code out}.
     */
    static List<OpSpec.Overload> methodForms(List<OpSpec.Overload> overloads) {
        List<OpSpec.Overload> out = new ArrayList<>();
        for (OpSpec.Overload o : overloads) {
            String p = o.printed();
            if (!p.startsWith("(Tensor input")) {
                continue;
            }
            // NOTE: out is a Tensor or, for functions of several results, a tuple of Tensors
            boolean hasOut = p.endsWith(" out)");
            String inner = p.substring(1, p.length() - 1);
            inner = inner.startsWith("Tensor input, ") ? inner.substring("Tensor input, ".length()) : "";
            if (hasOut) {
                int cut = inner.lastIndexOf(", ");
                inner = cut < 0 ? "" : inner.substring(0, cut + 2);
                inner = inner.endsWith("*, ") ? inner.substring(0, inner.length() - 3) : inner;
                inner = inner.endsWith(", ") ? inner.substring(0, inner.length() - 2) : inner;
            }
            out.add(new OpSpec.Overload(o.minArgs() - 1, o.maxArgs() - 1 - (hasOut ? 1 : 0), "(" + inner + ")"));
        }
        return out;
    }

    /**
     * Each parameter as {type, name}, split at ", " as torch splits the printed signature, so that {@code *} counts
     * as one (whose type nothing has).
     */
    private static List<String[]> parameters(String printed) {
        List<String[]> out = new ArrayList<>();
        String inner = printed.substring(1, printed.length() - 1);
        if (inner.isEmpty()) {
            return out;
        }
        for (String p : inner.split(", ", -1)) {
            int space = p.lastIndexOf(' ');
            out.add(space < 0 ? new String[] {p, p} : new String[] {p.substring(0, space), p.substring(space + 1)});
        }
        return out;
    }

    private static boolean countMatches(List<String[]> option, List<Object> positional, Map<String, Object> kw) {
        return option.size() == positional.size() + kw.size();
    }

    /** Whether a Python value has the parameter's type: {@code float} takes an int too; bool is no int. */
    private static boolean fits(String type, Object v) {
        String name = Values.typeName(v);
        return switch (type) {
            case "float" -> name.equals("float") || name.equals("int");
            default -> name.equals(type);
        };
    }

    /** {@code (Tensor, !float!)}: each argument's type, marked where it does not fit the parameter. */
    private static String formatted(List<String[]> option, List<Object> positional, Map<String, Object> keywords) {
        List<String> parts = new ArrayList<>();
        int n = positional.size() + keywords.size();
        for (int i = 0; i < n; i++) {
            boolean keyword = i >= positional.size();
            Object v = keyword ? keywords.get(option.get(i)[1]) : positional.get(i);
            boolean fits = i < option.size() && v != null && fits(option.get(i)[0], v);
            String text = (keyword ? option.get(i)[1] + "=" : "") + typeText(v);
            parts.add(fits ? text : "!" + text + "!");
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /**
     * {@code (int, Tensor)}; keywords as {@code name=type, } in {@link KeywordOrder}, and (torch's) no comma trimmed
     * after them alone.
     */
    private static String described(List<Object> positional, Map<String, Object> keywords) {
        StringBuilder s = new StringBuilder("(");
        for (Object v : positional) {
            s.append(Values.typeName(v)).append(", ");
        }
        KeywordOrder.of(new ArrayList<>(keywords.keySet()))
                .forEach(k -> s.append(k).append('=').append(Values.typeName(keywords.get(k))).append(", "));
        if (!positional.isEmpty()) {
            s.setLength(s.length() - 2);
        }
        return s.append(')').toString();
    }

    /** A list or tuple with its items' types, {@code tuple of (int,)}, as torch shows them; else the type. */
    private static String typeText(Object v) {
        List<?> items = v instanceof List<?> l ? l : v instanceof PyTuple t ? t.items() : null;
        if (items == null) {
            return Values.typeName(v);
        }
        boolean tuple = v instanceof PyTuple;
        List<String> names = items.stream().map(Values::typeName).toList();
        return Values.typeName(v) + " of " + (tuple ? "(" : "[") + String.join(", ", names)
                + (tuple && names.size() == 1 ? "," : "") + (tuple ? ")" : "]");
    }
}
