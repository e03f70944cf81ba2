package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Gradients;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Joining;
import org.gradviz.engine.ops.Views;

/**
 * {@code torch.autograd.functional}: {@code jacobian}, {@code hessian}, {@code vjp}, {@code jvp}, {@code vhp} and
 * {@code hvp}, written as PyTorch 1.13 writes them in Python, over {@code autograd.grad}: a Jacobian is one backward
 * per output element, a forward product the "double backward trick", a Hessian the Jacobian of a Jacobian. Only the
 * reverse-mode, non-vectorized, non-strict forms.
 */
final class AutogradFunctional {
    private static final Object REQUIRED = Signature.REQUIRED;

    private AutogradFunctional() {
    }

    /** The module's members. */
    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        Signature jacobian = Signature.of("jacobian", "func", REQUIRED, "inputs", REQUIRED, "create_graph", false,
                "strict", false, "vectorize", false, "strategy", "reverse-mode");
        m.put("jacobian", new Builtin("jacobian", a -> {
            Object[] v = jacobian.bind(a);
            refuse("jacobian", v[3], v[4], v[5], "strategy");
            return jacobian(callable(v[0]), v[1], Values.truthy(v[2]));
        }));
        Signature hessian = Signature.of("hessian", "func", REQUIRED, "inputs", REQUIRED, "create_graph", false,
                "strict", false, "vectorize", false, "outer_jacobian_strategy", "reverse-mode");
        m.put("hessian", new Builtin("hessian", a -> {
            Object[] v = hessian.bind(a);
            refuse("hessian", v[3], v[4], v[5], "outer_jacobian_strategy");
            return hessian(callable(v[0]), v[1], Values.truthy(v[2]));
        }));
        for (String name : List.of("vjp", "jvp", "vhp", "hvp")) {
            Signature s = Signature.of(name, "func", REQUIRED, "inputs", REQUIRED, "v", PyNone.NONE, "create_graph",
                    false, "strict", false);
            m.put(name, new Builtin(name, a -> {
                Object[] v = s.bind(a);
                refuse(name, v[4], false, "reverse-mode", "strategy");
                return product(name, callable(v[0]), v[1], v[2], Values.truthy(v[3]));
            }));
        }
        return m;
    }

    private static void refuse(String name, Object strict, Object vectorize, Object strategy, String strategyName) {
        if (Values.truthy(strict)) {
            throw new Unsupported("'torch.autograd.functional." + name + "(strict=True)'");
        }
        if (Values.truthy(vectorize)) {
            throw new Unsupported("'torch.autograd.functional." + name + "(vectorize=True)'");
        }
        if (!"reverse-mode".equals(strategy)) {
            throw new Unsupported("'torch.autograd.functional." + name + "(" + strategyName + "=...)'");
        }
    }

    private static PyCallable callable(Object f) {
        if (f instanceof PyCallable c) {
            return c;
        }
        throw PyError.type("'" + Values.typeName(f) + "' object is not callable");
    }

    // ----- jacobian and hessian

    /** The Jacobian of {@code func} at {@code given}: per output, per input, shaped output sizes + input sizes. */
    static Object jacobian(PyCallable func, Object given, boolean createGraph) {
        List<Tensor> inputs;
        List<Tensor> outputs;
        boolean inputsTuple = given instanceof PyTuple;
        boolean outputsTuple;
        List<List<Tensor>> jacobian = new ArrayList<>();
        try (var g = GradMode.enabled()) {
            inputs = preprocess(asTuple(given, "inputs", "jacobian"), createGraph, true);
            Object returned = func.call(new Args("func", new ArrayList<>(inputs), Map.of()));
            outputsTuple = returned instanceof PyTuple;
            outputs = asTuple(returned, "outputs of the user-provided function", "jacobian");
            for (Tensor out : outputs) {
                List<List<Tensor>> rows = new ArrayList<>();
                inputs.forEach(x -> rows.add(new ArrayList<>()));
                Tensor flat = Views.reshape(out, Shape.of(out.numel()));
                for (int j = 0; j < out.numel(); j++) {
                    Tensor[] vj = grad(List.of(TensorFactory.select(flat, j)), inputs, null, createGraph, true);
                    for (int k = 0; k < inputs.size(); k++) {
                        rows.get(k).add(vj[k] != null ? vj[k] : Torch.zerosLike(inputs.get(k)));
                    }
                }
                List<Tensor> perInput = new ArrayList<>();
                for (int k = 0; k < inputs.size(); k++) {
                    perInput.add(Views.view(Joining.stack(rows.get(k), 0), concat(out.shape(),
                            inputs.get(k).shape())));
                }
                jacobian.add(perInput);
            }
        }
        List<Object> result = new ArrayList<>();
        for (List<Tensor> row : jacobian) {
            result.add(unpack(postprocess(row, createGraph), inputsTuple));
        }
        return outputsTuple ? new PyTuple(result) : result.get(0);
    }

    /** The Hessian: the Jacobian (recorded) of the Jacobian of a function with one single-element output. */
    static Object hessian(PyCallable func, Object given, boolean createGraph) {
        asTuple(given, "inputs", "hessian");
        PyCallable single = a -> {
            Object out = func.call(a);
            asTuple(out, "outputs of the user-provided function", "hessian");
            if (!(out instanceof Tensor t)) {
                throw new PyError("RuntimeError", "The function given to hessian should return a single Tensor");
            }
            if (t.numel() != 1) {
                throw new PyError("RuntimeError",
                        "The Tensor returned by the function given to hessian should contain a single element");
            }
            return Views.squeeze(t);
        };
        PyCallable jacobianOfInputs = a -> jacobian(single, new PyTuple(new ArrayList<>(a.positional())), true);
        List<Object> all = new ArrayList<>();
        all.addAll(asTuple(given, "inputs", "hessian"));
        PyTuple result = (PyTuple) jacobian(jacobianOfInputs, new PyTuple(all), createGraph);
        // NOTE: a tuple (per input) of tuples (per input), unpacked to one tensor when the inputs were one tensor
        return given instanceof PyTuple ? result : ((PyTuple) result.items().get(0)).items().get(0);
    }

    // ----- vector products

    /** {@code vjp}, {@code jvp}, {@code vhp} or {@code hvp}: (the function's output, the product). */
    private static Object product(String name, PyCallable func, Object given, Object v, boolean createGraph) {
        boolean inputsTuple = given instanceof PyTuple;
        List<Tensor> inputs;
        List<Tensor> outputs;
        boolean outputsTuple;
        List<Tensor> vs = null;
        Tensor[] result;
        boolean outer = GradMode.isEnabled();
        try (var g = GradMode.enabled()) {
            inputs = preprocess(asTuple(given, "inputs", name), createGraph, true);
            boolean forward = !name.equals("vjp");
            if (forward) {
                vs = vector(name, v, inputs, inputsTuple, createGraph, "input to the user-provided function is");
            }
            Object returned = func.call(new Args("func", new ArrayList<>(inputs), Map.of()));
            outputsTuple = returned instanceof PyTuple;
            outputs = asTuple(returned, "outputs of the user-provided function", name);
            if (!forward) {
                vs = vector(name, v, outputs, outputsTuple, createGraph, "user-provided function returns");
            }
            if (name.equals("vhp") || name.equals("hvp")) {
                if (outputsTuple) {
                    throw new PyError("RuntimeError", "The function given to " + name + " should return a single "
                            + "Tensor");
                }
                if (outputs.get(0).numel() != 1) {
                    throw new PyError("RuntimeError", "The Tensor returned by the function given to " + name
                            + " should contain a single element");
                }
            }
            result = switch (name) {
                case "vjp" -> {
                    try (var mode = GradMode.setEnabled(createGraph || outer)) {
                        yield zerosFor(grad(outputs, inputs, vs, createGraph, null), inputs);
                    }
                }
                case "jvp" -> {
                    List<Tensor> seeds = zerosRequiringGrad(outputs);
                    List<Tensor> gradInputs = nonNull(grad(outputs, inputs, seeds, true, null));
                    yield zerosFor(grad(gradInputs, seeds, vs, createGraph, null), outputs);
                }
                case "vhp" -> {
                    List<Tensor> jac = nonNull(grad(outputs, inputs, null, true, null));
                    try (var mode = GradMode.setEnabled(createGraph || outer)) {
                        yield zerosFor(grad(jac, inputs, vs, createGraph, null), inputs);
                    }
                }
                default -> {
                    List<Tensor> jac = nonNull(grad(outputs, inputs, null, true, null));
                    List<Tensor> gradJac = zerosRequiringGrad(inputs);
                    List<Tensor> doubleBack = nonNull(grad(jac, inputs, gradJac, true, null));
                    try (var mode = GradMode.setEnabled(createGraph || outer)) {
                        yield zerosFor(grad(doubleBack, gradJac, vs, createGraph, null), inputs);
                    }
                }
            };
        }
        Object out = unpack(postprocess(outputs, createGraph), outputsTuple);
        boolean productTuple = name.equals("jvp") ? outputsTuple : inputsTuple;
        return PyTuple.of(out, unpack(postprocess(Arrays.asList(result), createGraph), productTuple));
    }

    /** v, checked against the tensors it multiplies, or None allowed only for one single-element tensor. */
    private static List<Tensor> vector(String name, Object v, List<Tensor> other, boolean otherTuple,
                                       boolean createGraph, String noneCase) {
        if (v == PyNone.NONE) {
            if (other.size() != 1 || other.get(0).numel() != 1) {
                throw new PyError("RuntimeError", "The vector v can only be None if the " + noneCase
                        + " a single Tensor with a single element.");
            }
            return null;
        }
        List<Tensor> vs = preprocess(asTuple(v, "v", name), createGraph, false);
        if (vs.size() != other.size()) {
            throw new PyError("RuntimeError", otherTuple ? "v is a tuple of invalid length: should be " + other.size()
                    + " but got " + vs.size() + "." : "The given v should contain a single Tensor.");
        }
        for (int i = 0; i < vs.size(); i++) {
            if (!vs.get(i).shape().equals(other.get(i).shape())) {
                throw new PyError("RuntimeError", (otherTuple ? "Entry " + i + " in " : "") + "v has invalid size: "
                        + "should be " + PySize.of(other.get(i).shape()) + " but got " + PySize.of(vs.get(i).shape())
                        + ".");
            }
        }
        return vs;
    }

    // ----- PyTorch's helpers

    /** {@code _as_tuple}: a tensor or a tuple of tensors, with the TypeError naming the first that is not one. */
    private static List<Tensor> asTuple(Object value, String what, String function) {
        boolean tuple = value instanceof PyTuple;
        List<?> items = tuple ? ((PyTuple) value).items() : List.of(value);
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Tensor t)) {
                String type = "<class '" + Values.typeName(items.get(i)) + "'>";
                throw PyError.type("The " + what + " given to " + function + " must be either a Tensor or a tuple of "
                        + "Tensors but the " + (tuple ? "value at index " + i : "given " + what) + " has type "
                        + type + ".");
            }
            out.add(t);
        }
        return out;
    }

    /** {@code _grad_preprocess}: a view of an input already in a graph when recording, else a detached copy. */
    private static List<Tensor> preprocess(List<Tensor> tensors, boolean createGraph, boolean needGraph) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : tensors) {
            out.add(createGraph && t.requiresGrad() ? Views.view(t, t.shape())
                    : t.detach().requiresGrad_(needGraph));
        }
        return out;
    }

    /** {@code _grad_postprocess}: detached unless the results are to be differentiated again. */
    private static List<Tensor> postprocess(List<Tensor> tensors, boolean createGraph) {
        return createGraph ? tensors : tensors.stream().map(Tensor::detach).toList();
    }

    private static Object unpack(List<Tensor> tensors, boolean tuple) {
        return tuple ? new PyTuple(new ArrayList<>(tensors)) : tensors.get(0);
    }

    /**
     * {@code _autograd_grad}: {@code autograd.grad} of the outputs that require grad (with their seeds), unused
     * inputs None; all None when no output requires grad.
     */
    private static Tensor[] grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> seeds, boolean createGraph,
                                 Boolean retainGraph) {
        List<Tensor> used = new ArrayList<>();
        List<Tensor> usedSeeds = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            if (out != null && out.requiresGrad()) {
                used.add(out);
                usedSeeds.add(seeds == null ? null : seeds.get(i));
            }
        }
        if (used.isEmpty()) {
            return new Tensor[inputs.size()];
        }
        boolean retain = retainGraph == null ? createGraph : retainGraph;
        return Gradients.grad(used, usedSeeds, inputs, retain, createGraph, true);
    }

    /** {@code _fill_in_zeros}: zeros shaped as the reference where a gradient is None. */
    private static Tensor[] zerosFor(Tensor[] grads, List<Tensor> refs) {
        Tensor[] out = new Tensor[grads.length];
        for (int i = 0; i < grads.length; i++) {
            out[i] = grads[i] != null ? grads[i] : Torch.zerosLike(refs.get(i));
        }
        return out;
    }

    private static List<Tensor> zerosRequiringGrad(List<Tensor> like) {
        return like.stream().map(t -> Torch.zerosLike(t).requiresGrad_(true)).toList();
    }

    private static List<Tensor> nonNull(Tensor[] grads) {
        return Arrays.asList(grads);
    }

    private static Shape concat(Shape a, Shape b) {
        int[] dims = new int[a.rank() + b.rank()];
        System.arraycopy(a.dims(), 0, dims, 0, a.rank());
        System.arraycopy(b.dims(), 0, dims, a.rank(), b.rank());
        return Shape.of(dims);
    }
}
