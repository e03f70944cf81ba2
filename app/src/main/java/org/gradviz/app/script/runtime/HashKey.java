package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/** What a value is as a dict key: equal for values Python finds equal and hashes alike; TypeError when unhashable. */
final class HashKey {

    /** An object hashed by identity: a tensor, an instance, a function. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private HashKey() {
    }

    static Object of(Object v) {
        if (Values.isInteger(v)) {
            return Values.toLong(v);
        }
        if (v instanceof Double d) {
            boolean integral = d == Math.rint(d) && Math.abs(d) < 0x1p63;
            return integral ? (Object) (long) (double) d : d;
        }
        if (v instanceof String || v == PyNone.NONE) {
            return v;
        }
        if (v instanceof PyTuple t) {
            List<Object> keys = new ArrayList<>(t.items().size());
            t.items().forEach(x -> keys.add(of(x)));
            return keys;
        }
        if (v instanceof List<?> || v instanceof PyDict) {
            throw PyError.type("unhashable type: '" + Values.typeName(v) + "'");
        }
        return new Identity(v);
    }
}
