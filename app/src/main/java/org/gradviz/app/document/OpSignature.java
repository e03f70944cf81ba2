package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.List;

/**
 * The Python parameters of one spelling of an op as torch declares them, read by the runner to bind a call's
 * arguments: {@code input, dim=None, keepdim=False, *, dtype=None}. A parameter named after a port takes a tensor
 * (a number too where an attribute stands in for the port), one named after a keyword attribute sets it, and any
 * other one is torch's but not gradviz's: {@code dtype} is refused unless None, the rest are ignored
 * ({@code _stacklevel}).
 *
 * @param parameters in order; the keyword-only ones (after {@code *}) last
 * @param spread the index of the parameter written {@code *size}, or -1: torch's int list that a method call may
 *               also give spread out ({@code x.view(1, -1)} as {@code x.view((1, -1))}), as torch's argument parser
 *               takes a lone int-list parameter; by keyword or as the function it is one list
 */
public record OpSignature(List<Parameter> parameters, int spread) {

    /** A signature with no spread parameter. */
    public OpSignature(List<Parameter> parameters) {
        this(parameters, -1);
    }

    /**
     * @param name as torch names it
     * @param defaultValue its default as Python writes it ({@code None}, {@code 'mean'}, {@code True}), or null for
     *                     none; for an op's attribute in a function's or method's signature, the op's own default
     *                     (a module's {@code __init__} may differ: nn.Flatten's start_dim=1)
     * @param keywordOnly whether it comes after {@code *}
     */
    public record Parameter(String name, String defaultValue, boolean keywordOnly) {

        /** Whether it has a default. */
        public boolean optional() {
            return defaultValue != null;
        }
    }

    /** Parses {@code "input, dim=None, *, dtype=None"}; {@code "input, *size"} has a spread int list. */
    public static OpSignature parse(String text) {
        List<Parameter> out = new ArrayList<>();
        if (text.isBlank()) {
            return new OpSignature(List.of());
        }
        boolean keywordOnly = false;
        int spread = -1;
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.equals("*")) {
                keywordOnly = true;
                continue;
            }
            if (p.startsWith("*") && !keywordOnly && spread < 0) {
                spread = out.size();
                p = p.substring(1);
            }
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
                throw new IllegalArgumentException("not a parameter: '" + p + "' in " + text);
            }
            out.add(new Parameter(name, eq < 0 ? null : p.substring(eq + 1).strip(), keywordOnly));
        }
        return new OpSignature(List.copyOf(out), spread);
    }

    /**
     * The signature a spelling has unless its row says otherwise: the ports (under the spelling's argument names),
     * the optional ones defaulting to None, then the keyword attributes, all optional, {@code reduction} keyword-only.
     */
    static OpSignature derived(OpSpec spec, List<String> argumentNames) {
        List<Parameter> out = new ArrayList<>();
        List<String> names = argumentNames.isEmpty() ? spec.ports() : argumentNames;
        for (int i = 0; i < names.size(); i++) {
            out.add(new Parameter(names.get(i), spec.optionalPorts().contains(spec.ports().get(i)) ? "None" : null,
                    false));
        }
        for (OpAttribute a : spec.attributes()) {
            if (a.isKeyword()) {
                out.add(new Parameter(a.key(), "None", a.isKeywordOnly()));
            }
        }
        return new OpSignature(List.copyOf(out));
    }

    /** How many may be given by position. */
    public int positional() {
        return (int) parameters.stream().filter(p -> !p.keywordOnly()).count();
    }

    /** Every name, in order. */
    public List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** Its index among the positional ones, or -1 for a keyword-only or unknown name. */
    public int position(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return parameters.get(i).keywordOnly() ? -1 : i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        boolean star = false;
        for (Parameter p : parameters) {
            if (s.length() > 0) {
                s.append(", ");
            }
            if (p.keywordOnly() && !star) {
                s.append("*, ");
                star = true;
            }
            s.append(spread >= 0 && parameters.get(spread) == p ? "*" : "").append(p.name())
                    .append(p.optional() ? "=" + p.defaultValue() : "");
        }
        return s.toString();
    }
}
