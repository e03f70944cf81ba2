package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Conversion;

/**
 * The backward node of a {@code torch.autograd.Function} subclass {@code C}, named {@code CBackward}, which is also
 * the {@code ctx} its {@code forward} and {@code backward} receive, as in PyTorch: attributes set on it, the tensors
 * given to {@code save_for_backward}. Its chain rule is the program's own {@code C.backward(ctx, grad_output)}, run
 * by the engine's backward pass.
 */
final class CustomFunctionNode extends Node implements HasAttributes {

    private final PyClass function;
    /** Every argument of {@code apply}, in order: the tensors among them are the node's inputs. */
    private final List<Object> arguments;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    /** What save_for_backward kept, null where it was given None. */
    private List<SavedTensor> saved = List.of();
    private Shape[] outputShapes = new Shape[0];
    private DType[] outputDtypes = new DType[0];

    CustomFunctionNode(PyClass function, List<Object> arguments) {
        this.function = function;
        this.arguments = List.copyOf(arguments);
    }

    @Override
    public String name() {
        return function.name() + "Backward";
    }

    void setOutputs(Tensor[] outputs) {
        outputShapes = new Shape[outputs.length];
        outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputShapes[i] = outputs[i].shape();
            outputDtypes[i] = outputs[i].dtype();
        }
    }

    @Override
    public int numOutputs() {
        return Math.max(1, outputShapes.length);
    }

    /** The tensors among the arguments, in order (the node's inputs; null for the others). */
    Tensor[] tensorInputs() {
        List<Tensor> inputs = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof Tensor t) {
                inputs.add(t);
            }
        }
        return inputs.toArray(new Tensor[0]);
    }

    // ----- ctx

    @Override
    public Object attribute(String name) {
        Object own = attributes.get(name);
        if (own != null) {
            return own;
        }
        return switch (name) {
            case "save_for_backward" -> new Builtin(name, a -> {
                // NOTE: None is kept as None (an optional bias), as torch's save_for_backward keeps it
                List<SavedTensor> kept = new ArrayList<>();
                for (Object v : a.positional()) {
                    if (v != PyNone.NONE && !(v instanceof Tensor)) {
                        throw PyError.type("save_for_backward can only save variables, but argument "
                                + kept.size() + " is of type " + Values.typeName(v));
                    }
                    kept.add(v instanceof Tensor t ? save(t) : null);
                }
                saved = kept;
                return PyNone.NONE;
            });
            case "saved_tensors" -> {
                List<Object> tensors = new ArrayList<>(saved.size());
                for (SavedTensor s : saved) {
                    tensors.add(s == null ? PyNone.NONE : s.unpack());
                }
                yield new PyTuple(tensors);
            }
            case "needs_input_grad" -> {
                List<Object> needs = new ArrayList<>(arguments.size());
                for (Object a : arguments) {
                    needs.add(a instanceof Tensor t && t.requiresGrad());
                }
                yield new PyTuple(needs);
            }
            case "mark_dirty", "mark_non_differentiable", "set_materialize_grads", "save_for_forward",
                 "saved_variables", "to_save", "non_differentiable", "dirty_tensors", "materialize_grads",
                 "register_hook", "register_prehook", "metadata" ->
                    throw new Unsupported("'ctx." + name + "' of a custom autograd.Function");
            case "next_functions" -> TensorMembers.nodeMember(this, name);
            case "name" -> TensorMembers.nodeMember(this, name);
            default -> null;
        };
    }

    void set(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String typeName() {
        return name();
    }

    // ----- chain rule

    /** Runs {@code C.backward(ctx, grad_output)} and checks what it returns as PyTorch's engine does. */
    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        // NOTE: an output that received no gradient gets zeros, as PyTorch's materialize_grads
        List<Object> call = new ArrayList<>(gradOutputs.length + 1);
        call.add(this);
        for (int i = 0; i < gradOutputs.length; i++) {
            call.add(gradOutputs[i] != null ? gradOutputs[i] : Torch.full(outputShapes[i], 0.0, outputDtypes[i]));
        }
        Object backward = function.attribute("backward");
        Object result = ((PyCallable) backward).call(new Args("backward", call, Map.of()));
        List<Object> grads = result instanceof PyTuple t ? new ArrayList<>(t.items()) : new ArrayList<>(List.of(result));
        int expected = arguments.size();
        if (grads.size() > expected && grads.subList(expected, grads.size()).stream().allMatch(v -> v == PyNone.NONE)) {
            grads = grads.subList(0, expected);
        }
        if (grads.size() != expected) {
            throw new PyError("RuntimeError", "function " + name() + " returned an incorrect number of gradients "
                    + "(expected " + expected + ", got " + grads.size() + ")");
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            Object grad = grads.get(i);
            if (grad != PyNone.NONE && !(grad instanceof Tensor)) {
                throw new PyError("RuntimeError", "expected Variable or None (got " + Values.typeName(grad) + ")");
            }
            if (!(arguments.get(i) instanceof Tensor input)) {
                if (grad != PyNone.NONE) {
                    throw new PyError("RuntimeError", "function " + name() + " returned a gradient different than "
                            + "None at position " + (i + 1) + ", but the corresponding forward input was not a "
                            + "Variable");
                }
                continue;
            }
            out.add(grad == PyNone.NONE ? null : checked((Tensor) grad, input, out.size()));
        }
        return out.toArray(new Tensor[0]);
    }

    /** Under {@code create_graph} the program's backward runs in grad mode, so its own ops record, as in PyTorch. */
    @Override
    protected Tensor[] applyDifferentiable(Tensor[] gradOutputs) {
        return apply(gradOutputs);
    }

    private Tensor checked(Tensor grad, Tensor input, int index) {
        if (!grad.shape().equals(input.shape())) {
            throw new PyError("RuntimeError", "Function " + name() + " returned an invalid gradient at index "
                    + index + " - got " + grad.shape().listText() + " but expected shape compatible with "
                    + input.shape().listText());
        }
        return grad.dtype() == input.dtype() ? grad : Conversion.to(grad, input.dtype());
    }

    /** {@code <torch.autograd.function.CBackward object at 0x...>}, as Python prints a custom Function's node. */
    @Override
    public String toString() {
        return "<torch.autograd.function." + name() + " object at " + address() + ">";
    }
}
