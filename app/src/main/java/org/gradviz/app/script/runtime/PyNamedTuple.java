package org.gradviz.app.script.runtime;

import java.util.List;

/**
 * A named tuple such as {@code torch.return_types.max(values=..., indices=...)}: a tuple whose items are also
 * attributes.
 */
record PyNamedTuple(String typeName, List<String> fields, PyTuple tuple) implements HasAttributes {

    static PyNamedTuple of(String typeName, List<String> fields, Object... items) {
        return new PyNamedTuple(typeName, List.copyOf(fields), PyTuple.of(items));
    }

    /** The name of what {@code load_state_dict} returns, a plain Python named tuple. */
    private static final String INCOMPATIBLE_KEYS = "torch.nn.modules.module._IncompatibleKeys";

    /** {@code load_state_dict}'s result: {@code <All keys matched successfully>} when both lists are empty. */
    static PyNamedTuple incompatibleKeys(List<Object> missing, List<Object> unexpected) {
        return of(INCOMPATIBLE_KEYS, List.of("missing_keys", "unexpected_keys"), missing, unexpected);
    }

    @Override
    public Object attribute(String name) {
        int i = fields.indexOf(name);
        return i < 0 ? null : tuple.items().get(i);
    }

    /** PyTorch's repr: one field per line. */
    @Override
    public String toString() {
        if (typeName.equals(INCOMPATIBLE_KEYS)) {
            List<Object> items = tuple.items();
            boolean matched = ((List<?>) items.get(0)).isEmpty() && ((List<?>) items.get(1)).isEmpty();
            return matched ? "<All keys matched successfully>" : "_IncompatibleKeys(missing_keys="
                    + Values.repr(items.get(0)) + ", unexpected_keys=" + Values.repr(items.get(1)) + ")";
        }
        if (typeName.startsWith("sys.")) {
            // NOTE: Python's struct sequences print on one line: sys.version_info(major=3, minor=11, ...)
            StringBuilder sb = new StringBuilder(typeName).append('(');
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(fields.get(i)).append('=')
                        .append(Values.repr(tuple.items().get(i)));
            }
            return sb.append(')').toString();
        }
        StringBuilder sb = new StringBuilder(typeName).append("(\n");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(fields.get(i)).append('=').append(Values.repr(tuple.items().get(i)))
                    .append(i + 1 < fields.size() ? ",\n" : ")");
        }
        return sb.toString();
    }
}
