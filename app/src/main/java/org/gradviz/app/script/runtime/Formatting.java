package org.gradviz.app.script.runtime;

import java.math.BigInteger;
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
        if (v instanceof Tensor t && t.dim() == 0) {
            // NOTE: torch's Tensor.__format__ formats a 0-d tensor as its item, spec or not; others refuse any spec
            return format(TensorMembers.item(t, null), spec);
        }
        if (spec.isEmpty()) {
            return Values.str(v);
        }
        if (v instanceof BigInteger big && !spec.isEmpty() && "eEfFgG%".indexOf(spec.charAt(spec.length() - 1)) >= 0) {
            return PythonFormat.format(Ints.toDouble(big), spec);
        }
        if (Values.isNumber(v) || v instanceof String) {
            return PythonFormat.format(v, spec);
        }
        throw PyError.type("unsupported format string passed to " + Values.typeName(v) + ".__format__");
    }
}
