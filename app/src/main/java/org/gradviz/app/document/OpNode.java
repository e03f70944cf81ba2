package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One op of the network; its output tensor carries the node's name. Attributes are PyTorch's keyword
 * arguments and stay absent when unused.
 *
 * @param startDim flatten's first dimension merged; absent is 0, as {@code torch.flatten(x)} (nn.Flatten's 1 is
 *                 written out)
 * @param endDim flatten's last dimension merged; absent is -1
 * @param shape view's and reshape's sizes ({@code [1, -1]}), one of which may be -1 (inferred from the number of
 *              elements)
 * @param scalar the Python number operand of add, sub, mul or div ({@code x * 3}) in place of port "other"
 * @param showValue false to leave the output out of the network view (the op symbol feeds the next op)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "op", "reduction", "dim", "keepdim", "start_dim", "end_dim", "shape", "min", "max",
        "exponent", "scalar", "showValue"})
public record OpNode(
        String name,
        OpKind op,
        String reduction,
        Integer dim,
        Boolean keepdim,
        @JsonProperty("start_dim") Integer startDim,
        @JsonProperty("end_dim") Integer endDim,
        List<Long> shape,
        Double min,
        Double max,
        Double exponent,
        Double scalar,
        @JsonProperty("showValue") Boolean showValue) {

    /** A node with no attributes. */
    public static OpNode of(String name, OpKind op) {
        return new OpNode(name, op, null, null, null, null, null, null, null, null, null, null, null);
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

    /** This node with {@code shape} as its sizes (view's and reshape's); the list is copied. */
    public OpNode withShape(List<Long> shape) {
        return new OpNode(name, op, reduction, dim, keepdim, startDim, endDim,
                shape == null ? null : List.copyOf(shape), min, max, exponent, scalar, showValue);
    }

    public boolean showsValue() {
        return !Boolean.FALSE.equals(showValue);
    }
}
