package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Conversion;

/** The attributes and methods of a tensor as a program sees them: {@code t.grad}, {@code t.sum(dim=0)}, ... */
final class TensorMembers {

    private TensorMembers() {
    }

    static Object get(Tensor t, String name) {
        return switch (name) {
            case "grad" -> orNone(t.grad());
            case "grad_fn" -> orNone(t.gradFn());
            case "requires_grad" -> t.requiresGrad();
            case "is_leaf" -> t.isLeaf();
            case "retains_grad" -> t.retainsGrad();
            case "shape" -> PySize.of(t.shape());
            case "dtype" -> t.dtype();
            case "ndim" -> (long) t.dim();
            case "data" -> t.dataAlias();
            case "_base" -> orNone(t.base());
            case "device" -> PyDevice.CPU;
            case "is_cuda" -> false;
            case "_version" -> (long) t.version();
            default -> {
                Tensor op = TableOps.attribute(t, name);
                yield op != null ? op : method(t, name);
            }
        };
    }

    static Object orNone(Object v) {
        return v == null ? PyNone.NONE : v;
    }

    private static Object method(Tensor t, String name) {
        PyCallable body = switch (name) {
            case "size" -> a -> {
                a.accept(1, "dim");
                if (!a.has(0, "dim") || a.get(0, "dim") == PyNone.NONE) {
                    return PySize.of(t.shape());
                }
                return (long) t.shape().dim(t.shape().normalizeDim(a.integer(0, "dim")));
            };
            case "item" -> a -> item(t, a.accept(0));
            case "tolist" -> a -> {
                a.accept(0);
                return toPython(t.tolist());
            };
            case "backward" -> a -> {
                a.accept(4, "gradient", "retain_graph", "create_graph", "inputs");
                Tensor gradient = a.optionalTensor(0, "gradient");
                Object retain = a.get(1, "retain_graph", PyNone.NONE);
                if (Values.truthy(a.get(2, "create_graph", false))) {
                    org.gradviz.engine.Gradients.backward(java.util.Arrays.asList(t),
                            java.util.Arrays.asList(gradient), retain == PyNone.NONE || Values.truthy(retain), true);
                    return PyNone.NONE;
                }
                t.backward(gradient, retain != PyNone.NONE && Values.truthy(retain));
                return PyNone.NONE;
            };
            case "zero_" -> a -> t.zero_();
            case "detach_" -> a -> t.detach_();
            case "requires_grad_" -> a -> t.requiresGrad_(a.accept(1, "requires_grad")
                    .bool(0, "requires_grad", true));
            case "retain_grad" -> a -> {
                t.retainGrad();
                return PyNone.NONE;
            };
            case "register_hook" -> a -> TensorHooks.register(t, a);
            case "numel", "nelement" -> a -> (long) t.numel();
            case "to" -> a -> to(t, a);
            case "cpu" -> a -> {
                // NOTE: already on the CPU, torch returns the tensor itself
                a.accept(0, "memory_format");
                return t;
            };
            case "double" -> a -> Conversion.to(t, DType.FLOAT64);
            case "float" -> a -> Conversion.to(t, DType.FLOAT32);
            case "long" -> a -> Conversion.to(t, DType.INT64);
            case "int" -> a -> Conversion.to(t, DType.INT32);
            case "short" -> a -> Conversion.to(t, DType.INT16);
            case "char" -> a -> Conversion.to(t, DType.INT8);
            case "byte" -> a -> Conversion.to(t, DType.UINT8);
            case "element_size" -> a -> {
                a.accept(0);
                return (long) t.dtype().itemSize();
            };
            case "bool" -> a -> Conversion.to(t, DType.BOOL);
            case "type" -> a -> type(t, a);
            case "dim" -> a -> (long) t.dim();
            default -> {
                PyCallable only = TensorShapeFunctions.method(t, name);
                only = only != null ? only : TensorRearrangements.method(t, name);
                PyCallable own = only != null ? only : TensorPredicates.method(t, name);
                own = own != null ? own : TensorInPlace.method(t, name);
                own = own != null ? own : TensorSorting.method(t, name);
                own = own != null ? own : TensorRounding.method(t, name);
                own = own != null ? own : TensorProducts.method(t, name);
                own = own != null ? own : TensorReductions.method(t, name);
                own = own != null ? own : TensorNewMethods.method(t, name);
                yield own != null ? own : TorchFunctions.tensorMethod(t, name);
            }
        };
        if (body == null) {
            throw Attributes.missing("Tensor", "'Tensor' object", name);
        }
        return new Builtin(name, body, t);
    }

    /** {@code t.type()}: its legacy type name; {@code t.type(torch.float64)} or {@code t.type('torch.DoubleTensor')}. */
    private static Object type(Tensor t, Args a) {
        a.accept(2, "dtype", "non_blocking");
        Object given = a.get(0, "dtype", PyNone.NONE);
        if (given == PyNone.NONE) {
            return LegacyTensorClass.typeName(t.dtype());
        }
        DType dtype = given instanceof DType d ? d : given instanceof String s ? LegacyTensorClass.dtypeOf(s)
                : given instanceof LegacyTensorClass c ? c.dtype() : null;
        if (dtype == null) {
            throw given instanceof String s ? PyError.value("invalid type: '" + s + "'")
                    : new Unsupported("'Tensor.type(" + Values.typeName(given) + ")'");
        }
        return Conversion.to(t, dtype);
    }

    /** {@code t.to(device)}, {@code t.to(dtype)}, {@code t.to(device, dtype)}, with {@code dtype=}/{@code device=}. */
    private static Tensor to(Tensor t, Args a) {
        a.accept(2, "device", "dtype");
        DType dtype = a.dtype(-1, "dtype");
        for (Object v : a.positional()) {
            if (v instanceof DType d) {
                dtype = d;
            } else {
                PyDevice.of(v);
            }
        }
        PyDevice.check(a, -1);
        return dtype == null ? t : Conversion.to(t, dtype);
    }

    static Object item(Tensor t, Args a) {
        if (t.numel() != 1) {
            throw PyError.value("only one element tensors can be converted to Python scalars");
        }
        double v = t.item();
        return switch (t.dtype()) {
            case INT64, INT32, INT16, INT8, UINT8 -> (long) v;
            case BOOL -> v != 0.0;
            default -> v;
        };
    }

    /** The engine's nested lists of Double/Long as Python lists. */
    static Object toPython(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(toPython(x));
            }
            return out;
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        return v;
    }

    /** {@code t.grad = g}, {@code t.requires_grad = b}. */
    static void set(Tensor t, String name, Object value) {
        switch (name) {
            case "grad" -> {
                if (value == PyNone.NONE) {
                    t.setGrad(null);
                } else if (value instanceof Tensor g) {
                    t.setGrad(g);
                } else {
                    // NOTE: torch's own text has no space after "type" (THPVariable_set_grad)
                    throw PyError.type("assigned grad expected to be a Tensor or None but got grad of type"
                            + Values.typeName(value));
                }
            }
            case "requires_grad" -> t.requiresGrad_(Values.truthy(value));
            default -> throw PyError.attribute("gradviz cannot assign the attribute '" + name + "' of a Tensor "
                    + "(assignable: grad, requires_grad)");
        }
    }

    /** The members of a grad_fn node: {@code name()}, {@code next_functions}, {@code variable}. */
    static Object nodeMember(Node node, String name) {
        return switch (name) {
            case "next_functions" -> {
                List<Object> edges = new ArrayList<>();
                for (var e : node.nextFunctions()) {
                    edges.add(PyTuple.of(e.isValid() ? e.function() : PyNone.NONE, (long) e.inputNr()));
                }
                yield new PyTuple(edges);
            }
            // NOTE: torch names its C++ nodes with their namespace: torch::autograd::AccumulateGrad
            case "name" -> new Builtin("name", a -> node instanceof org.gradviz.engine.AccumulateGrad
                    ? "torch::autograd::AccumulateGrad" : node.name());
            case "variable" -> {
                if (node instanceof org.gradviz.engine.AccumulateGrad acc) {
                    yield acc.variable();
                }
                throw PyError.attribute("'" + node.name() + "' object has no attribute 'variable'");
            }
            default -> {
                Map<String, Object> saved = node.savedValues();
                String key = name.startsWith("_saved_") ? name.substring("_saved_".length()) : null;
                if (key == null || !saved.containsKey(key)) {
                    throw PyError.attribute("'" + node.name() + "' object has no attribute '" + name + "'");
                }
                yield savedValue(saved.get(key));
            }
        };
    }

    /** {@code grad_fn._saved_self} and friends: a tensor (torch's error once freed), a number, a tuple of sizes. */
    private static Object savedValue(Object v) {
        if (v instanceof org.gradviz.engine.SavedTensor st) {
            return st.unpack();
        }
        if (v == null) {
            return PyNone.NONE;
        }
        if (v instanceof List<?> list) {
            return new PyTuple(new ArrayList<>(list));
        }
        return v;
    }
}
