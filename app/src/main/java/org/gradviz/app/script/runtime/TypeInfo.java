package org.gradviz.app.script.runtime;

import java.math.BigInteger;
import java.util.Map;
import org.gradviz.app.script.format.PythonFormat;
import org.gradviz.engine.DType;

/**
 * {@code torch.finfo(dtype)} and {@code torch.iinfo(dtype)}: the limits of a type, with torch's C++ repr (each number
 * as {@code %g}) and its messages for a type of the wrong kind.
 */
record TypeInfo(DType dtype) implements HasAttributes {

    /** {@code torch.finfo([type])}: the default dtype when none is given. */
    static TypeInfo finfo(Args a) {
        a.accept(1, "type");
        DType d = a.has(0, "type") ? dtypeArgument(a, "finfo") : DType.defaultFloat();
        if (!d.isFloatingPoint()) {
            throw PyError.type("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                    + "'torch.finfo'");
        }
        return new TypeInfo(d);
    }

    /** {@code torch.iinfo(type)}. */
    static TypeInfo iinfo(Args a) {
        a.accept(1, "type");
        if (!a.has(0, "type")) {
            throw PyError.type("iinfo() missing 1 required positional arguments: \"type\"");
        }
        DType d = dtypeArgument(a, "iinfo");
        if (d == DType.BOOL) {
            throw PyError.type("torch.bool is not supported by torch.iinfo");
        }
        if (d.isFloatingPoint()) {
            throw PyError.type("torch.iinfo() requires an integer input type. Use torch.finfo to handle "
                    + "'torch.iinfo'");
        }
        return new TypeInfo(d);
    }

    private static DType dtypeArgument(Args a, String function) {
        Object v = a.get(0, "type");
        if (!(v instanceof DType d)) {
            throw PyError.type(function + "(): argument 'type' (position 1) must be torch.dtype, not "
                    + Values.typeName(v));
        }
        return d;
    }

    private boolean floating() {
        return dtype.isFloatingPoint();
    }

    /** The members, by name, in the order of the repr. */
    private Map<String, Object> members() {
        return switch (dtype) {
            // NOTE: resolution is 10 ** -digits10, as C++'s std::numeric_limits gives them (6 and 15)
            case FLOAT32 -> Map.of("bits", 32L, "eps", (double) Math.ulp(1.0f), "max", (double) Float.MAX_VALUE,
                    "min", (double) -Float.MAX_VALUE, "tiny", (double) Float.MIN_NORMAL, "smallest_normal",
                    (double) Float.MIN_NORMAL, "resolution", 1e-06, "dtype", "float32");
            case FLOAT64 -> Map.of("bits", 64L, "eps", Math.ulp(1.0), "max", Double.MAX_VALUE, "min",
                    -Double.MAX_VALUE, "tiny", Double.MIN_NORMAL, "smallest_normal", Double.MIN_NORMAL,
                    "resolution", 1e-15, "dtype", "float64");
            case INT64 -> Map.of("bits", 64L, "max", Long.MAX_VALUE, "min", Long.MIN_VALUE, "dtype", "int64");
            case INT32 -> Map.of("bits", 32L, "max", (long) Integer.MAX_VALUE, "min", (long) Integer.MIN_VALUE,
                    "dtype", "int32");
            case INT16 -> Map.of("bits", 16L, "max", (long) Short.MAX_VALUE, "min", (long) Short.MIN_VALUE,
                    "dtype", "int16");
            case INT8 -> Map.of("bits", 8L, "max", (long) Byte.MAX_VALUE, "min", (long) Byte.MIN_VALUE, "dtype", "int8");
            case UINT8 -> Map.of("bits", 8L, "max", 255L, "min", 0L, "dtype", "uint8");
            case BOOL -> Map.of();
        };
    }

    @Override
    public Object attribute(String name) {
        Object v = members().get(name);
        return v instanceof Long l ? Ints.of(BigInteger.valueOf(l)) : v;
    }

    @Override
    public String typeName() {
        return floating() ? "torch.finfo" : "torch.iinfo";
    }

    @Override
    public String toString() {
        Map<String, Object> m = members();
        if (floating()) {
            return "finfo(resolution=" + g(m.get("resolution")) + ", min=" + g(m.get("min")) + ", max="
                    + g(m.get("max")) + ", eps=" + g(m.get("eps")) + ", smallest_normal="
                    + g(m.get("smallest_normal")) + ", tiny=" + g(m.get("tiny")) + ", dtype=" + m.get("dtype") + ")";
        }
        return "iinfo(min=" + g(m.get("min")) + ", max=" + g(m.get("max")) + ", dtype=" + m.get("dtype") + ")";
    }

    /** C++'s default stream output of a number: {@code %g}. */
    private static String g(Object number) {
        return PythonFormat.format(((Number) number).doubleValue(), "g");
    }
}
