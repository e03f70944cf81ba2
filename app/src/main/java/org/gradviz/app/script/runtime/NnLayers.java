package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.OpSignature;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.nn.Init;
import org.gradviz.engine.ops.LinearAlgebra;
import org.gradviz.engine.ops.Reduction;

/**
 * The layers and losses of {@code torch.nn}: each a class under {@link NnModule#MODULE} with torch's
 * {@code __init__} signature, {@code forward} and {@code extra_repr}, so that programs print and subclass them as
 * in torch.
 */
final class NnLayers {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnLayers() {
    }

    /** The members of {@code torch.nn}: the classes, {@code Parameter}, and {@code functional}. */
    static Map<String, Object> members(PyModule functional) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Module", NnModule.MODULE);
        m.put("Parameter", NnParameter.constructor());
        for (TableOps.Module op : TableOps.modules().values()) {
            // NOTE: a module that holds parameters draws them as torch does, in its own __init__
            PyClass c = switch (op.spelling().className()) {
                case "Linear" -> linear(op);
                case "Flatten" -> flatten(op);
                case "Embedding" -> NnEmbedding.module();
                case "NLLLoss", "CrossEntropyLoss" -> NnLosses.of(op.spelling().className());
                default -> NnOpModules.of(op);
            };
            m.put(c.name(), c);
        }
        for (PyClass c : List.of(sequential(), moduleList(), NnDropout.module(), NnDistances.cosineModule(),
                NnDistances.pairwiseModule())) {
            m.put(c.name(), c);
        }
        for (PyClass c : NnActivations.modules()) {
            m.put(c.name(), c);
        }
        for (PyClass c : NnNormalization.modules()) {
            m.put(c.name(), c);
        }
        m.put("functional", functional);
        return m;
    }

    /** {@code Module.__init__} on a native subclass's instance. */
    static void initModule(PyInstance self) {
        ((PyCallable) NnModule.MODULE.lookup("__init__")).call(new Args("__init__", List.of(self), Map.of()));
    }

    static Tensor input(Object v, String name) {
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type(name + "(): argument 'input' (position 1) must be Tensor, not " + Values.typeName(v));
    }

    // ----- Linear

    /** {@code nn.Linear}, made with the parameters its row's module spelling declares. */
    private static PyClass linear(TableOps.Module op) {
        PyClass c = nnClass("Linear", "linear", NnModule.MODULE);
        Signature init = NnOpModules.signature("Linear.__init__",
                List.of(new org.gradviz.app.document.OpSignature.Parameter("self", null, false)), op.spelling().init());
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            initModule(self);
            if (v[1] instanceof Boolean || v[2] instanceof Boolean) {
                throw PyError.type("empty() received an invalid combination of arguments - got (tuple, dtype="
                        + Values.typeName(v[5]) + ", device=" + Values.typeName(v[4]) + "), but expected one of:\n"
                        + " * (tuple of ints size, *, tuple of names names, torch.memory_format memory_format, "
                        + "torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, "
                        + "bool requires_grad)\n * (tuple of SymInts size, *, torch.memory_format memory_format, "
                        + "Tensor out, torch.dtype dtype, torch.layout layout, torch.device device, bool pin_memory, "
                        + "bool requires_grad)\n");
            }
            long out = size(v[2], 1);
            long in = size(v[1], 2);
            if (in < 0 || out < 0) {
                throw new PyError("RuntimeError", "Trying to create tensor with negative dimension "
                        + (out < 0 ? out : in) + ": [" + out + ", " + in + "]");
            }
            DType dtype = v[5] == PyNone.NONE ? DType.defaultFloat() : (DType) v[5];
            self.setOwn("in_features", v[1]);
            self.setOwn("out_features", v[2]);
            Tensor weight = NnParameter.mark(Init.linearWeight((int) out, (int) in, dtype).requiresGrad_(true));
            NnModule.setAttribute(self, "weight", weight);
            NnFunctionalForms.reportDrawn("weight", weight);
            Object bias = Values.truthy(v[3])
                    ? NnParameter.mark(Init.linearBias((int) out, (int) in, dtype).requiresGrad_(true)) : PyNone.NONE;
            NnModule.setAttribute(self, "bias", bias);
            if (bias instanceof Tensor b) {
                NnFunctionalForms.reportDrawn("bias", b);
            }
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("Linear.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            Tensor weight = (Tensor) self.attribute("weight");
            Object bias = self.attribute("bias");
            Tensor x = input(v[1], "linear");
            if (x.dim() > 2) {
                throw new Unsupported("'nn.Linear' of an input with more than 2 dimensions");
            }
            if (x.dtype() != weight.dtype()) {
                throw new PyError("RuntimeError", "mat1 and mat2 must have the same dtype");
            }
            return LinearAlgebra.linear(x, weight, bias instanceof Tensor b ? b : null);
        });
        method(c, "extra_repr", a -> {
            PyInstance self = self(a);
            return "in_features=" + Values.str(self.attribute("in_features")) + ", out_features="
                    + Values.str(self.attribute("out_features")) + ", bias="
                    + (self.attribute("bias") != PyNone.NONE ? "True" : "False");
        });
        return c;
    }

    /** A dimension of {@code torch.empty((out_features, in_features))}, with its TypeError. */
    private static long size(Object v, int position) {
        if (!Values.isInteger(v)) {
            throw PyError.type("empty(): argument 'size' must be tuple of SymInts, but found element of type "
                    + Values.typeName(v) + " at pos " + position);
        }
        return Ints.int64(v);
    }

    // ----- Sequential

    private static PyClass sequential() {
        PyClass c = nnClass("Sequential", "container", NnModule.MODULE);
        method(c, "__init__", a -> {
            PyInstance self = self(a);
            if (!a.keywords().isEmpty()) {
                throw PyError.type("Sequential.__init__() got an unexpected keyword argument '"
                        + a.keywords().keySet().iterator().next() + "'");
            }
            initModule(self);
            List<Object> modules = a.positional().subList(1, a.size());
            if (modules.size() == 1 && modules.get(0) instanceof PyDict named && named.isOrderedDict()) {
                for (Object key : named.keys()) {
                    NnModuleRegistry.addModule(self, key, named.get(key));
                }
                return PyNone.NONE;
            }
            for (Object m : modules) {
                addModule(self, m);
            }
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("Sequential.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            Object x = v[1];
            for (PyInstance m : NnModule.children(self(a)).values()) {
                x = ((PyCallable) m.attribute("__call__")).call(new Args("__call__", List.of(x), Map.of()));
            }
            return x;
        });
        listMethods(c, "Sequential");
        return c;
    }

    /** {@code nn.ModuleList(modules)}: sub-modules "0", "1", ... with indexing, len, iteration, append, extend. */
    private static PyClass moduleList() {
        PyClass c = nnClass("ModuleList", "container", NnModule.MODULE);
        method(c, "__init__", a -> {
            Object[] v = Signature.of("ModuleList.__init__", "self", REQUIRED, "modules", PyNone.NONE).bind(a);
            PyInstance self = self(a);
            initModule(self);
            if (v[1] != PyNone.NONE) {
                for (Object m : Iteration.items(v[1])) {
                    addModule(self, m);
                }
            }
            return PyNone.NONE;
        });
        listMethods(c, "ModuleList");
        method(c, "extend", a -> {
            Object[] v = Signature.of("ModuleList.extend", "self", REQUIRED, "modules", REQUIRED).bind(a);
            for (Object m : Iteration.items(v[1])) {
                addModule(self(a), m);
            }
            return self(a);
        });
        return c;
    }

    /** Appends {@code m} as the next numbered child, with torch's TypeError for a non-module. */
    private static void addModule(PyInstance self, Object m) {
        if (!NnModule.isModule(m) && m != PyNone.NONE) {
            throw PyError.type(NnModule.typename(m) + " is not a Module subclass");
        }
        self.setOwn(String.valueOf(NnModule.children(self).size()), m);
    }

    /**
     * {@code c[a:b]} as torch: a new container of the same class holding those children, a Sequential's under
     * their names (an OrderedDict of them), a ModuleList's numbered again from 0.
     */
    private static Object sliced(PyInstance self, String name, PySlice s) {
        Map<String, PyInstance> children = NnModule.children(self);
        List<?> names = Values.items(Subscripts.slice(new ArrayList<>(children.keySet()), s.lower(), s.upper(),
                s.step()));
        Object arg;
        if (name.equals("Sequential")) {
            PyDict named = PyDict.orderedDict();
            names.forEach(n -> named.put(n, children.get(n)));
            arg = named;
        } else {
            List<Object> modules = new ArrayList<>();
            names.forEach(n -> modules.add(children.get(n)));
            arg = modules;
        }
        return self.cls().call(new Args(name, List.of(arg), Map.of()));
    }

    /** {@code c[i]}, {@code len(c)}, {@code for m in c}, {@code c.append(m)} of a container of numbered children. */
    private static void listMethods(PyClass c, String name) {
        method(c, "__getitem__", a -> {
            List<PyInstance> items = new ArrayList<>(NnModule.children(self(a)).values());
            Object index = a.positional().get(1);
            if (index instanceof PySlice s) {
                return sliced(self(a), name, s);
            }
            if (!Values.isInteger(index)) {
                throw PyError.type("'" + Values.typeName(index) + "' object cannot be interpreted as an integer");
            }
            long i = Ints.int64(index);
            long n = items.size();
            if (i < -n || i >= n) {
                throw PyError.index("index " + i + " is out of range");
            }
            return items.get((int) (i < 0 ? i + n : i));
        });
        method(c, "__len__", a -> (long) NnModule.children(self(a)).size());
        method(c, "__iter__", a -> new PyIterator("iterator", new ArrayList<>(NnModule.children(self(a)).values())));
        method(c, "append", a -> {
            Object[] v = Signature.of(name + ".append", "self", REQUIRED, "module", REQUIRED).bind(a);
            addModule(self(a), v[1]);
            return self(a);
        });
    }

    // ----- activations and reshaping

    /**
     * {@code nn.Flatten}, made with the parameters its row's module spelling declares, run as its row's
     * {@code torch.flatten}; it keeps what it was given, which torch checks only when it runs.
     */
    private static PyClass flatten(TableOps.Module op) {
        PyClass c = nnClass("Flatten", "flatten", NnModule.MODULE);
        Signature init = NnOpModules.signature("Flatten.__init__",
                List.of(new OpSignature.Parameter("self", null, false)), op.spelling().init());
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            initModule(self(a));
            self(a).setOwn("start_dim", v[1]);
            self(a).setOwn("end_dim", v[2]);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("Flatten.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            Object start = self.attribute("start_dim");
            Object end = self.attribute("end_dim");
            if (!Values.isInteger(start) || !Values.isInteger(end)) {
                throw flattenArguments(start, end);
            }
            // NOTE: torch's forward is input.flatten(self.start_dim, self.end_dim), its row's method
            return TableOps.torch().get(op.spelling().torchName()).method(input(v[1], "flatten"))
                    .call(new Args("flatten", List.of(start, end), Map.of()));
        });
        method(c, "extra_repr", a -> "start_dim=" + Values.str(self(a).attribute("start_dim")) + ", end_dim="
                + Values.str(self(a).attribute("end_dim")));
        return c;
    }

    /** torch's TypeError for {@code flatten(start_dim, end_dim)} given what are not two ints. */
    private static PyError flattenArguments(Object start, Object end) {
        String got = Values.typeName(start) + ", " + Values.typeName(end);
        String asInts = mark(start, Values.isInteger(start)) + ", " + mark(end, Values.isInteger(end));
        String asNames = mark(start, start instanceof String) + ", " + mark(end, end instanceof String);
        return PyError.type("flatten() received an invalid combination of arguments - got (" + got + "), but expected"
                + " one of:\n * (int start_dim, int end_dim, name out_dim)\n * (int start_dim, int end_dim)\n"
                + "      didn't match because some of the arguments have invalid types: (" + asInts + ")\n"
                + " * (name start_dim, name end_dim, name out_dim)\n * (tuple of names dims, name out_dim)\n"
                + "      didn't match because some of the arguments have invalid types: (" + asNames + ")\n");
    }

    /** An argument's type as torch lists it: {@code !float!} when it does not fit. */
    private static String mark(Object v, boolean fits) {
        return fits ? Values.typeName(v) : "!" + Values.typeName(v) + "!";
    }

    static Reduction reduction(Object name) {
        if (!(name instanceof String s)) {
            throw PyError.type("reduction must be a string");
        }
        return Reduction.fromName(s);
    }
}
