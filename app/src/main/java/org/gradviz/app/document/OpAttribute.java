package org.gradviz.app.document;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The attributes a node can carry, PyTorch's keyword arguments, in the order documents save them. Two stand in for
 * an input port when the cell gave a Python number there: {@code scalar} for "other" ({@code x * 3}) and
 * {@code exponent} for "exponent" ({@code x ** 2}).
 */
public enum OpAttribute {
    REDUCTION("reduction", null),
    DIM("dim", null),
    KEEPDIM("keepdim", null),
    START_DIM("start_dim", null),
    END_DIM("end_dim", null),
    /** view's and reshape's sizes, a list of ints with at most one -1 ({@code x.view(1, -1)}). */
    SHAPE("shape", null),
    MIN("min", null),
    MAX("max", null),
    EXPONENT("exponent", "exponent"),
    SCALAR("scalar", "other");

    private final String key;
    private final String standsInFor;

    OpAttribute(String key, String standsInFor) {
        this.key = key;
        this.standsInFor = standsInFor;
    }

    /** The name in documents and, for the keyword ones, in torch's signatures. */
    public String key() {
        return key;
    }

    /** The input port a number in this attribute replaces, or null for a keyword argument. */
    public String standsInFor() {
        return standsInFor;
    }

    /** Whether torch takes it as a keyword argument after the tensors ({@code dim=1}), not in a port's place. */
    public boolean isKeyword() {
        return standsInFor == null;
    }

    /** Whether torch takes it only by keyword ({@code reduction='sum'}), never by position. */
    public boolean isKeywordOnly() {
        return this == REDUCTION;
    }

    /** Its value on {@code node}, or null when absent. */
    public Object of(OpNode node) {
        return switch (this) {
            case REDUCTION -> node.reduction();
            case DIM -> node.dim();
            case KEEPDIM -> node.keepdim();
            case START_DIM -> node.startDim();
            case END_DIM -> node.endDim();
            case SHAPE -> node.shape();
            case MIN -> node.min();
            case MAX -> node.max();
            case EXPONENT -> node.exponent();
            case SCALAR -> node.scalar();
        };
    }

    /** A node of {@code kind} named {@code name} (null for none yet), with {@code values} as its attributes. */
    @SuppressWarnings("unchecked")
    public static OpNode node(String name, OpKind kind, Map<OpAttribute, Object> values) {
        Map<OpAttribute, Object> v = values.isEmpty() ? Map.of() : new EnumMap<>(values);
        return new OpNode(name, kind, (String) v.get(REDUCTION), (Integer) v.get(DIM), (Boolean) v.get(KEEPDIM),
                (Integer) v.get(START_DIM), (Integer) v.get(END_DIM), (List<Long>) v.get(SHAPE), (Double) v.get(MIN),
                (Double) v.get(MAX), (Double) v.get(EXPONENT), (Double) v.get(SCALAR), null);
    }
}
