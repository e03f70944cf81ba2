package org.gradviz.app.script.runtime;

import org.gradviz.app.script.ast.Conversion;
import org.gradviz.app.script.format.PythonFormat;
import org.gradviz.engine.Tensor;

/** One f-string field: {@code {value!conversion:spec}}, as Python's {@code format()} renders it. */
final class Formatting {

    private Formatting() {
    }

    static String field(Object value, Conversion conversion, String spec) {
        Object v = switch (conversion) {
            case REPR, ASCII -> Values.repr(value);
            case STR -> Values.str(value);
            case NONE -> value;
        };
        return format(v, spec);
    }

    static String format(Object v, String spec) {
        if (spec.isEmpty()) {
            return Values.str(v);
        }
        if (v instanceof Tensor t) {
            // NOTE: torch's Tensor.__format__ formats a 0-d tensor as its item; others refuse any spec
            if (t.dim() == 0) {
                return format(TensorMembers.item(t, null), spec);
            }
        } else if (v instanceof Long || v instanceof Double || v instanceof Boolean || v instanceof String) {
            return PythonFormat.format(v, spec);
        }
        throw PyError.type("unsupported format string passed to " + Values.typeName(v) + ".__format__");
    }
}
