package org.gradviz.app.script.runtime;

/** {@code torch.device("cpu")}: the one device gradviz computes on. */
final class PyDevice implements HasAttributes {

    static final PyDevice CPU = new PyDevice();

    private PyDevice() {
    }

    /** {@code torch.device(spec)}: "cpu" (or "cpu:0"); other devices are refused. */
    static PyDevice of(Object spec) {
        if (spec == CPU || "cpu".equals(spec) || "cpu:0".equals(spec)) {
            return CPU;
        }
        if (spec instanceof String s) {
            throw new Unsupported("the device '" + s + "' (gradviz computes on the CPU: use \"cpu\")");
        }
        throw PyError.type("device() received an invalid combination of arguments - got ("
                + Values.typeName(spec) + ")");
    }

    /** A {@code device=} argument: None, "cpu" or this device. */
    static void check(Args a, int index) {
        Object v = a.get(index, "device", PyNone.NONE);
        if (v != PyNone.NONE) {
            of(v);
        }
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "type" -> "cpu";
            case "index" -> PyNone.NONE;
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return "torch.device";
    }

    @Override
    public String toString() {
        return "cpu";
    }

    /** As Python's {@code repr}. */
    String repr() {
        return "device(type='cpu')";
    }
}
