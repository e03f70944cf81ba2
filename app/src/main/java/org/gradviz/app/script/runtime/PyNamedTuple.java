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

    @Override
    public Object attribute(String name) {
        int i = fields.indexOf(name);
        return i < 0 ? null : tuple.items().get(i);
    }

    /** PyTorch's repr: one field per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(typeName).append("(\n");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(fields.get(i)).append('=').append(Values.repr(tuple.items().get(i)))
                    .append(i + 1 < fields.size() ? ",\n" : ")");
        }
        return sb.toString();
    }
}
