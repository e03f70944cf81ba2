package org.gradviz.engine;

/** The element types gradviz supports, named as PyTorch names them. */
public enum DType {
    FLOAT32("torch.float32", true),
    FLOAT64("torch.float64", true),
    INT64("torch.int64", false),
    INT32("torch.int32", false),
    INT16("torch.int16", false),
    INT8("torch.int8", false),
    UINT8("torch.uint8", false),
    BOOL("torch.bool", false);

    /** {@code torch.get_default_dtype()}, per thread as a program's run is on one thread. */
    private static final ThreadLocal<DType[]> DEFAULT_FLOAT = ThreadLocal.withInitial(() -> new DType[] {null});

    private final String torchName;
    private final boolean floatingPoint;

    DType(String torchName, boolean floatingPoint) {
        this.torchName = torchName;
        this.floatingPoint = floatingPoint;
    }

    /** PyTorch's default floating-point type: float32 unless {@link #setDefaultFloat} chose float64. */
    public static DType defaultFloat() {
        DType d = DEFAULT_FLOAT.get()[0];
        return d == null ? FLOAT32 : d;
    }

    /**
     * {@code torch.set_default_dtype(dtype)} on this thread; returns the previous default so a run can put it back.
     *
     * @throws IllegalArgumentException for a type that is not floating point
     */
    public static DType setDefaultFloat(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("only floating-point types are supported as the default type");
        }
        DType previous = defaultFloat();
        DEFAULT_FLOAT.get()[0] = dtype;
        return previous;
    }

    public String torchName() {
        return torchName;
    }

    /** The short name used in documents and JSON ("float32"). */
    public String shortName() {
        return torchName.substring("torch.".length());
    }

    /** Bytes per element as torch stores them ({@code element_size()}). */
    public int itemSize() {
        return switch (this) {
            case FLOAT32, INT32 -> 4;
            case FLOAT64, INT64 -> 8;
            case INT16 -> 2;
            case INT8, UINT8, BOOL -> 1;
        };
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Rounds a value computed in double precision to this type, as storing it in a tensor of this type does. */
    public double round(double v) {
        switch (this) {
            case FLOAT32:
                return (float) v;
            case INT64:
                return v < 0 ? Math.ceil(v) : Math.floor(v);
            case INT32:
                // NOTE: integer arithmetic wraps at the type's width as C++'s intN_t does (two's complement)
                return (int) (long) v;
            case INT16:
                return (short) (long) v;
            case INT8:
                return (byte) (long) v;
            case UINT8:
                return (long) v & 0xFF;
            case BOOL:
                return v != 0 ? 1 : 0;
            default:
                return v;
        }
    }

    /** Rounds every element in place; a no-op for float64. */
    public double[] roundAll(double[] values) {
        if (this == FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) values[i];
            }
        } else if (this != FLOAT64) {
            for (int i = 0; i < values.length; i++) {
                values[i] = round(values[i]);
            }
        }
        return values;
    }

    /**
     * The type PyTorch's promotion gives two operands of the same priority class: floating point
     * beats integral, and within a kind the wider type wins (float64 over float32, int64 over int32 over int16 over
     * int8 and uint8, any over bool); uint8 with int8 is int16, which holds both.
     */
    public static DType promote(DType a, DType b) {
        if (a.floatingPoint != b.floatingPoint) {
            return a.floatingPoint ? a : b;
        }
        if (a == UINT8 && b == INT8 || a == INT8 && b == UINT8) {
            return INT16;
        }
        return a.rank() >= b.rank() ? a : b;
    }

    private int rank() {
        return switch (this) {
            case FLOAT64, INT64 -> 4;
            case INT32 -> 3;
            case INT16 -> 2;
            case INT8, UINT8 -> 1;
            default -> 0;
        };
    }

    /** torch.result_type's categories, lowest first: 0 bool, 1 integral, 2 floating point. */
    public int category() {
        return this == BOOL ? 0 : floatingPoint ? 2 : 1;
    }

    /** ATen's ScalarType name, as error messages spell it ("Float", "Long", "Int", "Byte", "Bool"). */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
            case INT32 -> "Int";
            case INT16 -> "Short";
            case INT8 -> "Char";
            case UINT8 -> "Byte";
            case BOOL -> "Bool";
        };
    }

    /** The legacy tensor type name {@code t.type()} returns ("torch.FloatTensor"). */
    public String legacyTypeName() {
        return "torch." + scalarTypeName() + "Tensor";
    }

    public static DType fromShortName(String name) {
        for (DType t : values()) {
            if (t.shortName().equals(name) || t.torchName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "' (use float32 or float64)");
    }
}
