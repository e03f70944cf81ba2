package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A leaf tensor of the network: {@code w = torch.randn(5, 3, requires_grad=True)}.
 *
 * @param dtype {@code float32} (the default when absent), {@code float64}, or {@code int64} (class indices: a loss's
 *              target, an embedding's input), whose values are whole numbers and which never requires grad
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "role", "shape", "dtype", "requires_grad", "init"})
public record TensorSource(
        String name,
        TensorRole role,
        List<Integer> shape,
        String dtype,
        @JsonProperty("requires_grad") boolean requiresGrad,
        Initializer init) {

    public TensorSource {
        shape = shape == null ? null : List.copyOf(shape);
    }

    /** The dtype's short name, {@code float32} when the document leaves it out. */
    public String dtypeOrDefault() {
        return dtype == null ? "float32" : dtype;
    }

    /** Whether it holds integers ({@code int64}), written as whole numbers. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isIntegral() {
        return "int64".equals(dtype);
    }

    /**
     * This source made int64 as {@code t.long()} makes it: values rounded toward zero, no gradient, and zeros where it
     * was drawn with randn (which draws floats only).
     */
    public TensorSource asInt64() {
        Initializer made = init;
        if (init instanceof Initializer.Values v && v.data() != null) {
            made = new Initializer.Values(v.data().stream().map(x -> (double) (long) x.doubleValue()).toList());
        } else if (init instanceof Initializer.Full f) {
            made = new Initializer.Full((long) f.value());
        } else if (init instanceof Initializer.Randn) {
            made = new Initializer.Zeros();
        }
        return new TensorSource(name, role, shape, "int64", false, made);
    }
}
