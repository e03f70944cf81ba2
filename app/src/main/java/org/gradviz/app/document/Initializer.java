package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** How a tensor source gets its values, by logical name ({@code "kind": "randn"}), as torch's factories. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Initializer.Values.class, name = "values"),
    @JsonSubTypes.Type(value = Initializer.Ones.class, name = "ones"),
    @JsonSubTypes.Type(value = Initializer.Zeros.class, name = "zeros"),
    @JsonSubTypes.Type(value = Initializer.Eye.class, name = "eye"),
    @JsonSubTypes.Type(value = Initializer.Randn.class, name = "randn"),
    @JsonSubTypes.Type(value = Initializer.Full.class, name = "full"),
})
public sealed interface Initializer {

    /** {@code torch.tensor([...])}: explicit values in row-major order. */
    record Values(List<Double> data) implements Initializer {
        public Values {
            data = data == null ? null : List.copyOf(data);
        }
    }

    /** {@code torch.ones(shape)}. */
    record Ones() implements Initializer {
    }

    /** {@code torch.zeros(shape)}. */
    record Zeros() implements Initializer {
    }

    /** {@code torch.eye(n, m)}: the shape must have two dimensions. */
    record Eye() implements Initializer {
    }

    /** {@code torch.randn(shape)} from the document's generator (see {@link GraphDocument#seed()}). */
    record Randn() implements Initializer {
    }

    /** {@code torch.full(shape, value)}: the value must be given. */
    record Full(@JsonProperty(required = true) double value) implements Initializer {
    }
}
