package org.gradviz.app.script.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;

/**
 * {@code torch.LongTensor}, {@code torch.FloatTensor}, {@code torch.DoubleTensor}, {@code torch.IntTensor} (and Short,
 * Char, Byte), {@code torch.BoolTensor}: the
 * legacy typed constructors ({@code torch.LongTensor([0])} is int64 data, {@code torch.FloatTensor(2, 3)} a 2x3
 * tensor of that type) and the classes {@code isinstance} tests against: a CPU tensor of that dtype.
 */
final class LegacyTensorClass implements PyCallable, HasAttributes {

    private final String name;
    private final DType dtype;

    private LegacyTensorClass(String name, DType dtype) {
        this.name = name;
        this.dtype = dtype;
    }

    /** The classes, by their names in {@code torch}. */
    static Map<String, LegacyTensorClass> all() {
        Map<String, LegacyTensorClass> m = new LinkedHashMap<>();
        for (LegacyTensorClass c : List.of(new LegacyTensorClass("LongTensor", DType.INT64),
                new LegacyTensorClass("FloatTensor", DType.FLOAT32),
                new LegacyTensorClass("DoubleTensor", DType.FLOAT64),
                new LegacyTensorClass("IntTensor", DType.INT32),
                new LegacyTensorClass("ShortTensor", DType.INT16),
                new LegacyTensorClass("CharTensor", DType.INT8),
                new LegacyTensorClass("ByteTensor", DType.UINT8),
                new LegacyTensorClass("BoolTensor", DType.BOOL))) {
            m.put(c.name, c);
        }
        return m;
    }

    /** The legacy type name of a tensor of {@code dtype}: {@code torch.FloatTensor}, as {@code Tensor.type()} says. */
    static String typeName(DType dtype) {
        return all().values().stream().filter(c -> c.dtype == dtype).map(c -> "torch." + c.name).findFirst()
                .orElseThrow();
    }

    /** The dtype of a legacy type name ({@code torch.DoubleTensor}), or null. */
    static DType dtypeOf(String typeName) {
        LegacyTensorClass c = typeName.startsWith("torch.") ? all().get(typeName.substring("torch.".length())) : null;
        return c == null ? null : c.dtype;
    }

    /** The dtype its tensors have. */
    DType dtype() {
        return dtype;
    }

    /** Whether {@code v} is an instance: a tensor of this dtype. */
    boolean isInstance(Object v) {
        return v instanceof Tensor t && t.dtype() == dtype;
    }

    @Override
    public Object call(Args a) {
        if (!a.keywords().isEmpty()) {
            throw new Unsupported("'torch." + name + "(...)' with keyword arguments");
        }
        if (a.size() == 1) {
            Object data = a.positional().get(0);
            if (data instanceof Tensor) {
                throw new Unsupported("'torch." + name + "(tensor)'");
            }
            if (Values.items(data) != null && !(data instanceof PySize)) {
                Tensor made = TensorFactory.fromData(data, dtype);
                Interpreter.report(name, List.of(data), Map.of(), made); // a factory of its numbers, as torch.tensor
                return made;
            }
            if (!Values.isInteger(data)) {
                throw PyError.type("new(): data must be a sequence (got " + Values.typeName(data) + ")");
            }
        }
        // NOTE: torch leaves the memory of torch.LongTensor(2, 3) as it finds it; zeros are one of the values it may hold
        return Torch.full(TensorFactory.shape(a, dtype), 0.0, dtype);
    }

    @Override
    public Object attribute(String attribute) {
        return attribute.equals("__name__") ? name : null;
    }

    @Override
    public String typeName() {
        return "tensortype";
    }

    @Override
    public String toString() {
        return "<class 'torch." + name + "'>";
    }
}
