package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One op of the network; its output tensor carries the node's name. Attributes are PyTorch's keyword
 * arguments and stay absent when unused.
 *
 * @param startDim flatten's first dimension merged; absent is 0, as {@code torch.flatten(x)} (nn.Flatten's 1 is
 *                 written out)
 * @param endDim flatten's last dimension merged; absent is -1
 * @param scalar the Python number operand of add, sub, mul or div ({@code x * 3}) in place of port "other"
 * @param showValue false to leave the output out of the network view (the op symbol feeds the next op)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "op", "reduction", "dim", "keepdim", "start_dim", "end_dim", "min", "max", "exponent", "scalar", "showValue"})
public record OpNode(
        String name,
        OpKind op,
        String reduction,
        Integer dim,
        Boolean keepdim,
        @JsonProperty("start_dim") Integer startDim,
        @JsonProperty("end_dim") Integer endDim,
        Double min,
        Double max,
        Double exponent,
        Double scalar,
        @JsonProperty("showValue") Boolean showValue) {

    /** A node with no attributes. */
    public static OpNode of(String name, OpKind op) {
        return new OpNode(name, op, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean keepdimOrDefault() {
        return Boolean.TRUE.equals(keepdim);
    }

    /** Flatten's {@code start_dim}, 0 when absent as {@code torch.flatten}'s default. */
    public int startDimOrDefault() {
        return startDim == null ? 0 : startDim;
    }

    /** Flatten's {@code end_dim}, -1 when absent as {@code torch.flatten}'s default. */
    public int endDimOrDefault() {
        return endDim == null ? -1 : endDim;
    }

    public boolean showsValue() {
        return !Boolean.FALSE.equals(showValue);
    }
}
