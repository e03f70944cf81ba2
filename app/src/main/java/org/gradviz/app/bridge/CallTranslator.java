package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.script.runtime.Args;
import org.gradviz.app.script.runtime.NnFunctionalForms;
import org.gradviz.app.script.runtime.ObservedCall;
import org.gradviz.app.script.runtime.PyNone;
import org.gradviz.app.script.runtime.Values;
import org.gradviz.engine.Tensor;

/**
 * The table from a call the cell made to what a document holds: a factory becomes a leaf with its initialiser,
 * an op a node with its attributes and input ports, anything else a refusal that says what to write instead.
 * The call already ran, so its arguments are known to be valid; this only reads them.
 */
final class CallTranslator {

    static final String SUPPORTED = "supported: torch.tensor/ones/zeros/eye/full/randn, + - * / ** @, neg, sin, "
            + "cos, exp, log, sigmoid, tanh, relu, clamp, sum, mean, t(), .T, matmul, F.linear, "
            + "F.binary_cross_entropy_with_logits, F.binary_cross_entropy, F.mse_loss";

    /** How the runtime reports a parameter an {@code nn} module drew at random, named by its attribute. */
    static final String DRAWN_PARAMETER = NnFunctionalForms.DRAWN_PARAMETER;

    private CallTranslator() {
    }

    static TracedTensor translate(ObservedCall call, Tensor result) {
        Args a = call.arguments();
        String f = call.function();
        return switch (f) {
            case "tensor" -> leaf(call, result, new Initializer.Values(flatten(a.get(0, "data"))), null);
            case "ones", "ones_like" -> leaf(call, result, new Initializer.Ones(), null);
            case "zeros", "zeros_like" -> leaf(call, result, new Initializer.Zeros(), null);
            case "eye" -> leaf(call, result, new Initializer.Eye(), null);
            case "full" -> leaf(call, result, new Initializer.Full(a.number(1, "fill_value")), null);
            case "randn" -> leaf(call, result, new Initializer.Randn(), values(result));
            case "rand" -> leaf(call, result, new Initializer.Values(values(result)), values(result));
            // a parameter an nn module drew (nn.Linear's weight and bias): its numbers, as drawn
            // nn.Parameter(t) and the range factories: leaves holding their numbers
            case "Parameter" -> new TracedTensor.Leaf(result, call.line(), "parameter",
                    new Initializer.Values(values(result)), null);
            case "linspace", "arange" -> leaf(call, result, new Initializer.Values(values(result)), null);
            case DRAWN_PARAMETER -> new TracedTensor.Leaf(result, call.line(), a.string(-1, "name", "parameter"),
                    new Initializer.Values(values(result)), values(result));
            case "add", "sub", "mul", "div" -> arithmetic(call, result, a);
            case "pow" -> pow(call, result, a);
            case "neg", "sin", "cos", "exp", "log", "sigmoid", "tanh", "relu", "t", "detach" ->
                    unary(call, result, f, a);
            case "T" -> op(call, result, OpNode.of(null, OpKind.TRANSPOSE), ports("input", a.get(0, "input")));
            case "clamp" -> op(call, result, attributes(OpKind.CLAMP, null, null, null,
                    a.optionalNumber(1, "min"), a.optionalNumber(2, "max"), null, null),
                    ports("input", a.get(0, "input")));
            case "sum", "mean" -> reduction(call, result, a);
            case "matmul", "mm" -> op(call, result, OpNode.of(null, OpKind.MATMUL),
                    ports("input", a.get(0, "input"), "other", a.get(1, f.equals("mm") ? "mat2" : "other")));
            case "linear" -> op(call, result, OpNode.of(null, OpKind.LINEAR), ports("input", a.get(0, "input"),
                    "weight", a.get(1, "weight"), "bias", a.get(2, "bias", PyNone.NONE)));
            case "binary_cross_entropy_with_logits" -> loss(call, result, OpKind.BINARY_CROSS_ENTROPY_WITH_LOGITS, a);
            case "binary_cross_entropy" -> loss(call, result, OpKind.BINARY_CROSS_ENTROPY, a);
            case "mse_loss" -> loss(call, result, OpKind.MSE_LOSS, a);
            case "getitem" -> unsupported(call, result, "indexing a tensor (t[i]) has no node in a graph document; "
                    + "compute with whole tensors");
            case "data", "grad" -> unsupported(call, result, "." + f + " makes a tensor outside the graph; "
                    + "a graph document cannot show where its values come from");
            default -> unsupported(call, result, f + "() has no node in a graph document (" + SUPPORTED + ")");
        };
    }

    // ----- leaves

    private static TracedTensor leaf(ObservedCall call, Tensor result, Initializer init, List<Double> drawn) {
        if (!result.dtype().isFloatingPoint()) {
            return unsupported(call, result, "a graph document holds float32 and float64 tensors, and this "
                    + call.function() + "() makes " + result.dtype().shortName() + "; write floats such as 1.0 "
                    + "or pass dtype=torch.float32");
        }
        return new TracedTensor.Leaf(result, call.line(), call.function(), init, drawn);
    }

    /** The numbers of {@code torch.tensor(data)} as the cell wrote them, row-major. */
    private static List<Double> flatten(Object data) {
        List<Double> out = new ArrayList<>();
        flattenInto(data, out);
        return out;
    }

    private static void flattenInto(Object data, List<Double> out) {
        List<?> items = Values.items(data);
        if (items != null) {
            items.forEach(item -> flattenInto(item, out));
        } else if (data instanceof Tensor t) {
            out.add(t.item());
        } else {
            out.add(Values.toDouble(data, "tensor()"));
        }
    }

    private static List<Double> values(Tensor t) {
        List<Double> out = new ArrayList<>(t.numel());
        for (double v : t.data()) {
            out.add(v);
        }
        return out;
    }

    // ----- ops

    private static TracedTensor arithmetic(ObservedCall call, Tensor result, Args a) {
        OpKind kind = OpKind.valueOf(call.function().toUpperCase(java.util.Locale.ROOT));
        Object input = a.get(0, "input");
        Object other = a.get(1, "other");
        if (input instanceof Tensor && other instanceof Tensor) {
            return op(call, result, OpNode.of(null, kind), ports("input", input, "other", other));
        }
        if (input instanceof Tensor) {
            return op(call, result, attributes(kind, null, null, null, null, null, null, number(other)),
                    ports("input", input));
        }
        if (kind == OpKind.ADD || kind == OpKind.MUL) {
            // NOTE: PyTorch runs `3 * x` as x.__rmul__(3), i.e. x * 3: the same node with the tensor as input
            return op(call, result, attributes(kind, null, null, null, null, null, null, number(input)),
                    ports("input", other));
        }
        String symbol = kind == OpKind.SUB ? "-" : "/";
        return unsupported(call, result, "a number on the left of " + symbol + " has no node in a graph document; "
                + (kind == OpKind.SUB ? "write -t + n instead of n - t" : "write t ** -1 * n instead of n / t"));
    }

    private static TracedTensor pow(ObservedCall call, Tensor result, Args a) {
        Object input = a.get(0, "input");
        Object exponent = a.get(1, "exponent");
        if (!(input instanceof Tensor)) {
            return unsupported(call, result, "a number raised to a tensor (n ** t) has no node in a graph "
                    + "document; write torch.exp(t * math.log(n))");
        }
        if (exponent instanceof Tensor) {
            return op(call, result, OpNode.of(null, OpKind.POW), ports("input", input, "exponent", exponent));
        }
        return op(call, result, attributes(OpKind.POW, null, null, null, null, null, number(exponent), null),
                ports("input", input));
    }

    private static TracedTensor unary(ObservedCall call, Tensor result, String function, Args a) {
        OpKind kind = OpKind.valueOf(function.toUpperCase(java.util.Locale.ROOT));
        return op(call, result, OpNode.of(null, kind), ports("input", a.get(0, "input")));
    }

    private static TracedTensor reduction(ObservedCall call, Tensor result, Args a) {
        Object input = a.get(0, "input");
        if (!(input instanceof Tensor)) {
            return unsupported(call, result, "Python's sum() of a list has no node in a graph document; "
                    + "add the tensors with +");
        }
        OpKind kind = call.function().equals("sum") ? OpKind.SUM : OpKind.MEAN;
        Object dim = a.get(1, "dim", PyNone.NONE);
        List<?> dims = Values.items(dim);
        if (dims != null) {
            dim = dims.get(0);
        }
        Integer d = dim == PyNone.NONE ? null : (int) Values.toLong(dim);
        Boolean keepdim = a.has(2, "keepdim") ? a.bool(2, "keepdim", false) : null;
        return op(call, result, attributes(kind, null, d, keepdim, null, null, null, null), ports("input", input));
    }

    private static TracedTensor loss(ObservedCall call, Tensor result, OpKind kind, Args a) {
        String reduction = a.has(-1, "reduction") ? a.string(-1, "reduction", "mean") : null;
        return op(call, result, attributes(kind, reduction, null, null, null, null, null, null),
                ports("input", a.get(0, "input"), "target", a.get(1, "target")));
    }

    private static TracedTensor op(ObservedCall call, Tensor result, OpNode node, Map<String, Object> ports) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> port : ports.entrySet()) {
            if (port.getValue() instanceof Tensor t) {
                inputs.put(port.getKey(), t);
            } else if (port.getValue() != PyNone.NONE) {
                return unsupported(call, result, "its " + port.getKey() + " is a " + Values.typeName(port.getValue())
                        + ", and a graph document connects only tensors there");
            }
        }
        return new TracedTensor.Op(result, call.line(), call.function(), node, inputs);
    }

    private static TracedTensor unsupported(ObservedCall call, Tensor result, String why) {
        return new TracedTensor.Unsupported(result, call.line(), call.function(), why);
    }

    // ----- helpers

    private static OpNode attributes(OpKind kind, String reduction, Integer dim, Boolean keepdim, Double min,
                                     Double max, Double exponent, Double scalar) {
        return new OpNode(null, kind, reduction, dim, keepdim, min, max, exponent, scalar, null);
    }

    private static Double number(Object v) {
        return Values.toDouble(v, "number");
    }

    /** Port names and values, alternating, in port order. */
    private static Map<String, Object> ports(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }
}
