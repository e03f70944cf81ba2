package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The ops a document node can be, by the logical names saved in documents, with their named input ports
 * (PyTorch's argument names) and the symbol the network view draws.
 */
public enum OpKind {
    // ----- binary arithmetic: "other" is a port, or a Python number given as the "scalar" attribute
    @JsonProperty("add") ADD("+", Ports.BINARY, true),
    @JsonProperty("sub") SUB("-", Ports.BINARY, true),
    @JsonProperty("mul") MUL("×", Ports.BINARY, true),
    @JsonProperty("div") DIV("/", Ports.BINARY, true),
    // ----- unary
    @JsonProperty("neg") NEG("-x", Ports.UNARY, false),
    /** {@code input ** exponent}: the exponent is a port or the "exponent" attribute. */
    @JsonProperty("pow") POW("**", List.of("input", "exponent"), false),
    @JsonProperty("sin") SIN("sin", Ports.UNARY, false),
    @JsonProperty("cos") COS("cos", Ports.UNARY, false),
    @JsonProperty("exp") EXP("exp", Ports.UNARY, false),
    @JsonProperty("log") LOG("log", Ports.UNARY, false),
    @JsonProperty("sigmoid") SIGMOID("σ", Ports.UNARY, false),
    @JsonProperty("tanh") TANH("tanh", Ports.UNARY, false),
    @JsonProperty("relu") RELU("ReLU", Ports.UNARY, false),
    @JsonProperty("clamp") CLAMP("clamp", Ports.UNARY, false),
    /** {@code t.detach()}: the same values, cut from the graph, so no gradient flows back through it. */
    @JsonProperty("detach") DETACH("detach", Ports.UNARY, false),
    // ----- reductions (optional "dim" and "keepdim")
    @JsonProperty("sum") SUM("Σ", Ports.UNARY, false),
    @JsonProperty("mean") MEAN("mean", Ports.UNARY, false),
    // ----- movement and products
    /** {@code t.t()}. */
    @JsonProperty("t") T("t()", Ports.UNARY, false),
    /** {@code t.T}: all dimensions reversed. */
    @JsonProperty("transpose") TRANSPOSE(".T", Ports.UNARY, false),
    @JsonProperty("matmul") MATMUL("*", Ports.BINARY, false),
    @JsonProperty("linear") LINEAR("linear", List.of("input", "weight", "bias"), false),
    // ----- losses (optional "reduction": mean, sum or none)
    @JsonProperty("binary_cross_entropy_with_logits") BINARY_CROSS_ENTROPY_WITH_LOGITS("CE", Ports.LOSS, false),
    @JsonProperty("binary_cross_entropy") BINARY_CROSS_ENTROPY("BCE", Ports.LOSS, false),
    @JsonProperty("mse_loss") MSE_LOSS("MSE", Ports.LOSS, false);

    private final String symbol;
    private final List<String> ports;
    private final boolean takesScalar;

    OpKind(String symbol, List<String> ports, boolean takesScalar) {
        this.symbol = symbol;
        this.ports = ports;
        this.takesScalar = takesScalar;
    }

    /** The name in documents, e.g. {@code binary_cross_entropy_with_logits}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the network view draws in the op's circle. */
    public String symbol() {
        return symbol;
    }

    /** Every input port, in argument order. */
    public List<String> ports() {
        return ports;
    }

    /** True for add, sub, mul and div, whose "other" may be a number instead of a port. */
    public boolean takesScalar() {
        return takesScalar;
    }

    /** The losses, which take a {@code reduction} and a {@code target}. */
    public boolean isLoss() {
        return this == BINARY_CROSS_ENTROPY_WITH_LOGITS || this == BINARY_CROSS_ENTROPY || this == MSE_LOSS;
    }

    /** sum and mean, which take {@code dim} and {@code keepdim}. */
    public boolean isReduction() {
        return this == SUM || this == MEAN;
    }

    /** Whether {@code port} must be connected on {@code node} of this kind. */
    public boolean requires(String port, OpNode node) {
        return switch (port) {
            case "input", "target", "weight" -> true;
            case "other" -> !(takesScalar && node.scalar() != null);
            case "exponent" -> node.exponent() == null;
            default -> false;
        };
    }

    private static final class Ports {
        static final List<String> UNARY = List.of("input");
        static final List<String> BINARY = List.of("input", "other");
        static final List<String> LOSS = List.of("input", "target");
    }
}
