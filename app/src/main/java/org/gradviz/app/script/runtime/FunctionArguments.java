package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.Param;

/** Binds the arguments of a call to the parameters of a {@code def}, with Python's TypeErrors. */
final class FunctionArguments {

    private FunctionArguments() {
    }

    static void bind(PyFunction fn, List<Object> args, Map<String, Object> keywords, Scope local) {
        List<Param> params = fn.definition().params();
        String name = fn.qualifiedName();
        if (args.size() > params.size()) {
            long required = fn.defaults().stream().filter(d -> d == null).count();
            String takes = required == params.size() ? String.valueOf(params.size())
                    : "from " + required + " to " + params.size();
            throw PyError.type(name + "() takes " + takes + " positional argument" + (params.size() == 1 ? "" : "s")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < args.size(); i++) {
            values[i] = args.get(i);
        }
        for (Map.Entry<String, Object> k : keywords.entrySet()) {
            int i = indexOf(params, k.getKey());
            if (i < 0) {
                throw PyError.type(name + "() got an unexpected keyword argument '" + k.getKey() + "'");
            }
            if (values[i] != null) {
                throw PyError.type(name + "() got multiple values for argument '" + k.getKey() + "'");
            }
            values[i] = k.getValue();
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = fn.defaults().get(i);
            }
            if (values[i] == null) {
                missing.add("'" + params.get(i).name() + "'");
            } else {
                local.assign(params.get(i).name(), values[i]);
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.size() == 1 ? missing.get(0)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
                            + missing.get(missing.size() - 1);
            throw PyError.type(name + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + list);
        }
    }

    private static int indexOf(List<Param> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
