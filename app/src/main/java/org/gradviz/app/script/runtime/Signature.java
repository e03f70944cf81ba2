package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a native method written in Python ({@code Linear.__init__(self, in_features, out_features,
 * bias=True)}), binding a call's arguments with Python 3.11's TypeErrors, which name the method by its qualified name.
 *
 * @param qualName {@code Linear.__init__}
 * @param names the parameters, {@code self} first for a method
 * @param defaults one per name: the default, or {@link #REQUIRED}
 * @param positional how many of the names may be given by position (the rest are keyword-only)
 */
record Signature(String qualName, List<String> names, List<Object> defaults, int positional) {

    /** The default of a parameter that has none. */
    static final Object REQUIRED = new Object();

    /** A signature whose parameters may all be given by position; {@code spec} alternates names and defaults. */
    static Signature of(String qualName, Object... spec) {
        return keywordOnlyAfter(qualName, spec.length / 2, spec);
    }

    static Signature keywordOnlyAfter(String qualName, int positional, Object... spec) {
        List<String> names = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 2) {
            names.add((String) spec[i]);
            defaults.add(spec[i + 1]);
        }
        return new Signature(qualName, names, defaults, positional);
    }

    /** The value of every parameter, in order. */
    Object[] bind(Args a) {
        List<Object> given = a.positional();
        if (given.size() > positional) {
            long required = defaults.subList(0, positional).stream().filter(d -> d == REQUIRED).count();
            String takes = required == positional ? String.valueOf(positional) : "from " + required + " to " + positional;
            throw PyError.type(qualName + "() takes " + takes + " positional argument" + (positional == 1 ? "" : "s")
                    + " but " + given.size() + (given.size() == 1 ? " was" : " were") + " given");
        }
        Object[] values = new Object[names.size()];
        for (int i = 0; i < given.size(); i++) {
            values[i] = given.get(i);
        }
        for (Map.Entry<String, Object> k : a.keywords().entrySet()) {
            int i = names.indexOf(k.getKey());
            if (i < 0) {
                throw PyError.type(qualName + "() got an unexpected keyword argument '" + k.getKey() + "'");
            }
            if (values[i] != null) {
                throw PyError.type(qualName + "() got multiple values for argument '" + k.getKey() + "'");
            }
            values[i] = k.getValue();
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = defaults.get(i);
            }
            if (values[i] == REQUIRED) {
                missing.add("'" + names.get(i) + "'");
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.size() == 1 ? missing.get(0)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
            throw PyError.type(qualName + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + list);
        }
        return values;
    }
}
