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
            return v instanceof Boolean ? (Object) Values.toLong(v) : v;
        }
        if (v instanceof Double d) {
            // NOTE: an integral float is the key of the int it equals, so 2.0**64 finds 2**64, as Python's hash
            return Double.isFinite(d) && d == Math.rint(d) ? Ints.fromDouble(d) : d;
        }
        if (v instanceof String || v == PyNone.NONE) {
            return v;
        }
        if (v instanceof PyTuple t) {
            List<Object> keys = new ArrayList<>(t.items().size());
            t.items().forEach(x -> keys.add(of(x)));
            return keys;
        }
        if (v instanceof List<?> || v instanceof PyDict || v instanceof PySet || v instanceof PyDictView) {
            throw PyError.type("unhashable type: '" + Values.typeName(v) + "'");
        }
        return new Identity(v);
    }
}
