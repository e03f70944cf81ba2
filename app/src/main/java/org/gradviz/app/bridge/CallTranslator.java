package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.script.runtime.Args;
import org.gradviz.app.script.runtime.NnFunctionalForms;
import org.gradviz.app.script.runtime.ObservedCall;
import org.gradviz.app.script.runtime.Values;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;

/**
 * The table from a call the cell made to what a document holds: a factory becomes a leaf with its initialiser,
 * an op a node with its attributes and input ports ({@link OpCalls}), anything else a refusal that says what to
 * write instead.
 * The call already ran, so its arguments are known to be valid; this only reads them.
 */
final class CallTranslator {

    static final String SUPPORTED = "supported: torch.tensor/ones/zeros/eye/full/randn, " + OpCalls.spellings();

    /** How the runtime reports a parameter an {@code nn} module drew at random, named by its attribute. */
    static final String DRAWN_PARAMETER = NnFunctionalForms.DRAWN_PARAMETER;

    private CallTranslator() {
    }

    static TracedTensor translate(ObservedCall call, Tensor result) {
        Args a = call.arguments();
        String f = call.function();
        return switch (f) {
            case "tensor" -> leaf(call, result, new Initializer.Values(result.dtype() == DType.INT64 ? values(result)
                    : flatten(a.get(0, "data"))), null);
            // the legacy typed constructors of data: torch.LongTensor([0]) is torch.tensor([0]) in int64
            case "LongTensor", "FloatTensor", "DoubleTensor" -> leaf(call, result,
                    new Initializer.Values(values(result)), null);
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
            case "linspace", "arange", "Tensor" -> leaf(call, result, new Initializer.Values(values(result)), null);
            // a conversion of a tensor outside any graph (torch.Tensor([2.0]).double()) is a leaf of its numbers
            case "double", "float", "long", "to" -> isConstant(call.args()) ? leaf(call, result,
                    new Initializer.Values(values(result)), null)
                    : unsupported(call, result, f + "() of a tensor in the graph has no node in a graph document; "
                            + "make the tensor in the dtype it is used in");
            case DRAWN_PARAMETER -> new TracedTensor.Leaf(result, call.line(), a.string(-1, "name", "parameter"),
                    new Initializer.Values(values(result)), values(result));
            case "getitem" -> unsupported(call, result, "indexing a tensor (t[i]) has no node in a graph document; "
                    + "compute with whole tensors");
            case "dropout" -> unsupported(call, result, "dropout() has no node in a graph document (it draws a new "
                    + "mask at every step); call model.eval() before the cell's last computation, or leave it out");
            case "data", "grad" -> unsupported(call, result, "." + f + " makes a tensor outside the graph; "
                    + "a graph document cannot show where its values come from");
            default -> OpCalls.isOp(f) ? OpCalls.translate(call, result)
                    : unsupported(call, result, f + "() has no node in a graph document (" + SUPPORTED + ")");
        };
    }

    // ----- leaves

    /** Whether the call's first argument is a tensor outside any graph (no grad_fn, not requiring grad). */
    private static boolean isConstant(List<Object> args) {
        return !args.isEmpty() && args.get(0) instanceof Tensor t && t.gradFn() == null && !t.requiresGrad();
    }

    private static TracedTensor leaf(ObservedCall call, Tensor result, Initializer init, List<Double> drawn) {
        if (result.dtype() != DType.FLOAT32 && result.dtype() != DType.FLOAT64 && result.dtype() != DType.INT64) {
            return unsupported(call, result, "a graph document holds float32, float64 and int64 tensors, and this "
                    + call.function() + "() makes " + result.dtype().shortName() + "; write numbers such as 1.0 or "
                    + "pass dtype=torch.float32");
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

    static TracedTensor unsupported(ObservedCall call, Tensor result, String why) {
        List<Tensor> inputs = new ArrayList<>();
        call.args().forEach(a -> tensorsIn(a, inputs));
        call.keywords().values().forEach(a -> tensorsIn(a, inputs));
        return new TracedTensor.Unsupported(result, call.line(), call.function(), why, List.copyOf(inputs));
    }

    /** The tensors of an argument: itself, or those of a list or tuple ({@code torch.cat((a, b))}). */
    private static void tensorsIn(Object argument, List<Tensor> out) {
        if (argument instanceof Tensor t) {
            out.add(t);
        } else if (Values.items(argument) != null) {
            Values.items(argument).forEach(item -> tensorsIn(item, out));
        }
    }
}
