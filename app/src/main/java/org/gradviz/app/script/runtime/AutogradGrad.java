package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import org.gradviz.engine.Gradients;
import org.gradviz.engine.Tensor;

/** {@code torch.autograd.grad(...)} and {@code torch.autograd.backward(...)} with PyTorch's arguments. */
final class AutogradGrad {

    private AutogradGrad() {
    }

    static Object grad(Args a) {
        a.accept(8, "outputs", "inputs", "grad_outputs", "retain_graph", "create_graph", "only_inputs",
                "allow_unused", "is_grads_batched");
        List<Tensor> outputs = tensors(a.get(0, "outputs"), "outputs");
        Object given = a.get(1, "inputs");
        List<Tensor> inputs = tensors(given, "inputs");
        List<Tensor> seeds = seeds(a.get(2, "grad_outputs", PyNone.NONE), outputs.size());
        boolean createGraph = Values.truthy(a.get(4, "create_graph", false));
        Object retain = a.get(3, "retain_graph", PyNone.NONE);
        boolean retainGraph = retain == PyNone.NONE ? createGraph : Values.truthy(retain);
        boolean allowUnused = Values.truthy(a.get(6, "allow_unused", false));
        if (Values.truthy(a.get(7, "is_grads_batched", false))) {
            throw new Unsupported("'torch.autograd.grad(is_grads_batched=True)'");
        }
        Tensor[] grads = Gradients.grad(outputs, seeds, inputs, retainGraph, createGraph, allowUnused);
        List<Object> out = new ArrayList<>(grads.length);
        for (Tensor g : grads) {
            out.add(g == null ? PyNone.NONE : g);
        }
        return new PyTuple(out);
    }

    static Object backward(Args a) {
        a.accept(5, "tensors", "grad_tensors", "retain_graph", "create_graph", "inputs");
        List<Tensor> outputs = tensors(a.get(0, "tensors"), "tensors");
        List<Tensor> seeds = seeds(a.get(1, "grad_tensors", PyNone.NONE), outputs.size());
        boolean createGraph = Values.truthy(a.get(3, "create_graph", false));
        Object retain = a.get(2, "retain_graph", PyNone.NONE);
        if (a.get(4, "inputs", PyNone.NONE) != PyNone.NONE) {
            throw new Unsupported("'torch.autograd.backward(inputs=...)'");
        }
        Gradients.backward(outputs, seeds, retain == PyNone.NONE ? createGraph : Values.truthy(retain), createGraph);
        return PyNone.NONE;
    }

    /** A tensor or a sequence of tensors, as PyTorch's {@code _tensor_or_tensors_to_tuple}. */
    private static List<Tensor> tensors(Object value, String what) {
        if (value instanceof Tensor t) {
            return List.of(t);
        }
        List<?> items = Values.items(value);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(value) + "' object is not iterable");
        }
        List<Tensor> out = new ArrayList<>(items.size());
        for (Object v : items) {
            if (!(v instanceof Tensor t)) {
                throw PyError.type(what + " must be a Tensor or a sequence of Tensors, not "
                        + Values.typeName(v));
            }
            out.add(t);
        }
        return out;
    }

    /** {@code grad_outputs}: None, a tensor, or a sequence of tensors and Nones, one per output. */
    private static List<Tensor> seeds(Object value, int outputs) {
        List<Tensor> seeds = new ArrayList<>(outputs);
        if (value == PyNone.NONE) {
            for (int i = 0; i < outputs; i++) {
                seeds.add(null);
            }
            return seeds;
        }
        List<?> items = value instanceof Tensor ? List.of(value) : Values.items(value);
        if (items == null) {
            throw PyError.type("'" + Values.typeName(value) + "' object is not iterable");
        }
        for (Object v : items) {
            if (v != PyNone.NONE && !(v instanceof Tensor)) {
                throw PyError.type("gradients can be either Tensors or None, but got " + Values.typeName(v));
            }
            seeds.add(v == PyNone.NONE ? null : (Tensor) v);
        }
        if (seeds.size() != outputs) {
            throw new PyError("RuntimeError", "grad can be implicitly created only for scalar outputs");
        }
        return seeds;
    }
}
