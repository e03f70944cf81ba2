package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.Param;

/**
 * Binds the arguments of a call to the parameters of a {@code def}: positional ones in order, the rest to
 * {@code *args}; keywords by name, the rest to {@code **kwargs}; defaults for what is left; with Python's TypeErrors.
 */
final class FunctionArguments {

    private FunctionArguments() {
    }

    static void bind(PyFunction fn, List<Object> args, Map<String, Object> keywords, Scope local) {
        List<Param> params = fn.definition().params();
        String name = fn.qualifiedName();
        List<Integer> positional = new ArrayList<>();
        int varPositional = -1;
        int varKeyword = -1;
        for (int i = 0; i < params.size(); i++) {
            switch (params.get(i).kind()) {
                case NORMAL -> positional.add(i);
                case VAR_POSITIONAL -> varPositional = i;
                case VAR_KEYWORD -> varKeyword = i;
                default -> { }
            }
        }
        if (args.size() > positional.size() && varPositional < 0) {
            long required = positional.stream().filter(i -> fn.defaults().get(i) == null).count();
            int n = positional.size();
            String takes = required == n ? String.valueOf(n) : "from " + required + " to " + n;
            throw PyError.type(name + "() takes " + takes + " positional argument" + (n == 1 ? "" : "s")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < Math.min(args.size(), positional.size()); i++) {
            values[positional.get(i)] = args.get(i);
        }
        if (varPositional >= 0) {
            values[varPositional] = new PyTuple(new ArrayList<>(args.subList(Math.min(args.size(), positional.size()),
                    args.size())));
        }
        PyDict extra = varKeyword >= 0 ? new PyDict() : null;
        for (Map.Entry<String, Object> k : keywords.entrySet()) {
            int i = indexOf(params, k.getKey());
            if (i < 0) {
                if (extra == null) {
                    throw PyError.type(name + "() got an unexpected keyword argument '" + k.getKey() + "'");
                }
                extra.put(k.getKey(), k.getValue());
                continue;
            }
            if (values[i] != null) {
                throw PyError.type(name + "() got multiple values for argument '" + k.getKey() + "'");
            }
            values[i] = k.getValue();
        }
        if (extra != null) {
            values[varKeyword] = extra;
        }
        List<String> missing = new ArrayList<>();
        List<String> missingKeywordOnly = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = fn.defaults().get(i);
            }
            if (values[i] == null) {
                (params.get(i).kind() == Param.Kind.KEYWORD_ONLY ? missingKeywordOnly : missing)
                        .add("'" + params.get(i).name() + "'");
            } else {
                local.assign(params.get(i).name(), values[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw missing(name, missing, "positional");
        }
        if (!missingKeywordOnly.isEmpty()) {
            throw missing(name, missingKeywordOnly, "keyword-only");
        }
    }

    private static PyError missing(String function, List<String> names, String kind) {
        String list = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return PyError.type(function + "() missing " + names.size() + " required " + kind + " argument"
                + (names.size() == 1 ? "" : "s") + ": " + list);
    }

    /** The parameter a keyword names: a plain or keyword-only one ({@code *args} and {@code **kw} take none). */
    private static int indexOf(List<Param> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.name().equals(name) && (p.kind() == Param.Kind.NORMAL || p.kind() == Param.Kind.KEYWORD_ONLY)) {
                return i;
            }
        }
        return -1;
    }
}
