package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A leaf tensor of the network: {@code w = torch.randn(5, 3, requires_grad=True)}.
 *
 * @param dtype {@code float32} (the default when absent) or {@code float64}
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
}
