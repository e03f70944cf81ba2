package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Conversion;

/**
 * {@code torch.nn.Module} as a class programs subclass: {@code super().__init__()}, attribute assignment that
 * registers Parameters and sub-modules in order (torch's {@code __setattr__}), {@code model(x)} calling
 * {@code forward}, {@code parameters()}, {@code named_parameters()}, {@code children()}, {@code modules()},
 * {@code zero_grad()}, {@code train()}/{@code eval()} and torch's {@code repr}.
 *
 * <p>A module keeps its Parameters, sub-modules and plain attributes in the instance's own attributes, in the order
 * they were set, so {@code model.weight} is found as any attribute; which is which is told by the value.
 */
final class NnModule {
    /** The attribute that tells an instance whose {@code Module.__init__} ran; it is torch's {@code training}. */
    private static final String TRAINING = "training";

    static final PyClass MODULE = build();

    private NnModule() {
    }

    /** A class of torch.nn, {@code torch.nn.modules.FILE.NAME}, subclassing {@code base}. */
    static PyClass nnClass(String name, String file, PyClass base) {
        return new PyClass(name, "torch.nn.modules." + file, base);
    }

    static boolean isModule(Object v) {
        return v instanceof PyInstance i && i.cls().isSubclassOf(MODULE);
    }

    private static PyClass build() {
        PyClass m = nnClass("Module", "module", ExceptionTypes.OBJECT);
        method(m, "__init__", a -> {
            PyInstance self = self(a);
            Signature.of("Module.__init__", "self", Signature.REQUIRED).bind(a);
            self.setOwn(TRAINING, true);
            return PyNone.NONE;
        });
        method(m, "__setattr__", a -> {
            setAttribute(self(a), (String) a.positional().get(1), a.positional().get(2));
            return PyNone.NONE;
        });
        method(m, "__call__", a -> {
            PyInstance self = self(a);
            Object forward = self.attribute("forward");
            List<Object> inputs = a.positional().subList(1, a.size());
            Object result = NnModuleHooks.call(self, inputs, a.keywords(), (PyCallable) forward);
            NnFunctionalForms.report(self, inputs, result);
            return result;
        });
        method(m, "forward", a -> {
            throw new PyError("NotImplementedError", "Module [" + self(a).cls().name()
                    + "] is missing the required \"forward\" function");
        });
        method(m, "parameters", a -> {
            Object[] v = Signature.of("Module.parameters", "self", Signature.REQUIRED, "recurse", true).bind(a);
            List<Object> out = new ArrayList<>();
            namedParameters(self(a), Values.truthy(v[1])).forEach((name, p) -> out.add(p));
            return PyIterator.generator("Module.parameters", out);
        });
        method(m, "named_parameters", a -> {
            Object[] v = Signature.of("Module.named_parameters", "self", Signature.REQUIRED, "prefix", "",
                    "recurse", true).bind(a);
            String prefix = v[1] instanceof String s && !s.isEmpty() ? s + "." : "";
            List<Object> out = new ArrayList<>();
            namedParameters(self(a), Values.truthy(v[2])).forEach((name, p) -> out.add(new PyTuple(List.of(prefix + name, p))));
            return PyIterator.generator("Module.named_parameters", out);
        });
        method(m, "children", a -> {
            Signature.of("Module.children", "self", Signature.REQUIRED).bind(a);
            return PyIterator.generator("Module.children", new ArrayList<>(children(self(a)).values()));
        });
        method(m, "named_children", a -> {
            Signature.of("Module.named_children", "self", Signature.REQUIRED).bind(a);
            List<Object> out = new ArrayList<>();
            children(self(a)).forEach((name, c) -> out.add(new PyTuple(List.of(name, c))));
            return PyIterator.generator("Module.named_children", out);
        });
        method(m, "modules", a -> {
            Signature.of("Module.modules", "self", Signature.REQUIRED).bind(a);
            return PyIterator.generator("Module.modules", new ArrayList<>(allModules(self(a))));
        });
        method(m, "zero_grad", a -> {
            Object[] v = Signature.of("Module.zero_grad", "self", Signature.REQUIRED, "set_to_none", false).bind(a);
            boolean toNone = Values.truthy(v[1]);
            namedParameters(self(a), true).forEach((name, p) -> {
                Tensor g = p.gradOrNull();
                if (g != null) {
                    if (toNone) {
                        p.setGrad(null);
                    } else {
                        g.zero_();
                    }
                }
            });
            return PyNone.NONE;
        });
        method(m, "train", a -> {
            Object[] v = Signature.of("Module.train", "self", Signature.REQUIRED, "mode", true).bind(a);
            if (!(v[1] instanceof Boolean mode)) {
                throw PyError.value("training mode is expected to be boolean");
            }
            for (PyInstance module : allModules(self(a))) {
                module.setOwn(TRAINING, mode);
            }
            return self(a);
        });
        method(m, "eval", a -> {
            Signature.of("Module.eval", "self", Signature.REQUIRED).bind(a);
            for (PyInstance module : allModules(self(a))) {
                module.setOwn(TRAINING, false);
            }
            return self(a);
        });
        method(m, "extra_repr", a -> "");
        method(m, "__repr__", a -> repr(self(a)));
        method(m, "to", a -> {
            a.accept(3, "device", "dtype", "non_blocking");
            DType dtype = a.dtype(-1, "dtype");
            for (Object v : a.positional().subList(1, a.size())) {
                if (v instanceof DType d) {
                    dtype = d;
                } else {
                    PyDevice.of(v);
                }
            }
            return sameDtype(self(a), dtype, "to");
        });
        method(m, "cpu", a -> self(a));
        method(m, "float", a -> sameDtype(self(a), DType.FLOAT32, "float"));
        method(m, "double", a -> sameDtype(self(a), DType.FLOAT64, "double"));
        method(m, "requires_grad_", a -> {
            Object[] v = Signature.of("Module.requires_grad_", "self", Signature.REQUIRED, "requires_grad", true)
                    .bind(a);
            namedParameters(self(a), true).forEach((name, p) -> p.requiresGrad_(Values.truthy(v[1])));
            return self(a);
        });
        method(m, "apply", a -> {
            Object[] v = Signature.of("Module.apply", "self", Signature.REQUIRED, "fn", Signature.REQUIRED).bind(a);
            for (PyInstance module : postOrder(self(a))) {
                ((PyCallable) v[1]).call(new Args("fn", List.of(module), Map.of()));
            }
            return self(a);
        });
        NnModuleRegistry.define(m);
        NnStateDict.define(m);
        NnModuleHooks.define(m);
        for (String name : List.of("cuda", "half", "register_full_backward_hook", "register_backward_hook", "type",
                "get_submodule", "get_parameter")) {
            method(m, name, a -> {
                throw new Unsupported("'Module." + name + "'");
            });
        }
        return m;
    }

    /**
     * {@code model.to(dtype)}, {@code model.float()}, {@code model.double()}: every floating-point parameter (and its
     * grad) converted in place to {@code dtype}, each Parameter keeping its identity, so that an optimiser made
     * before still updates them, as torch's {@code Module._apply} does; the module itself is returned.
     */
    private static PyInstance sameDtype(PyInstance self, DType dtype, String method) {
        if (dtype == null) {
            return self;
        }
        if (!dtype.isFloatingPoint()) {
            throw PyError.type("nn.Module.to only accepts floating point or complex dtypes, but got "
                    + "desired dtype=" + dtype.torchName());
        }
        for (Tensor p : namedParameters(self, true).values()) {
            if (p.dtype().isFloatingPoint() && p.dtype() != dtype) {
                p.setData(Conversion.to(p.detach(), dtype));
            }
        }
        // NOTE: torch's _apply gives each floating-point buffer a new tensor of the dtype (integer ones stay)
        for (PyInstance module : allModules(self)) {
            for (String name : NnModuleRegistry.bufferNames(module)) {
                if (module.own().get(name) instanceof Tensor b && b.dtype().isFloatingPoint() && b.dtype() != dtype) {
                    module.setOwn(name, Conversion.to(b.detach(), dtype));
                }
            }
        }
        return self;
    }

    static void method(PyClass c, String name, PyCallable body) {
        c.define(name, new Builtin(name, body));
    }

    static PyInstance self(Args a) {
        return (PyInstance) a.positional().get(0);
    }

    /** torch's {@code Module.__setattr__}: Parameters and modules are registered, with torch's errors. */
    static void setAttribute(PyInstance self, String name, Object value) {
        boolean initialised = self.own().containsKey(TRAINING);
        Object old = self.own().get(name);
        if (NnParameter.is(value)) {
            if (!initialised) {
                throw PyError.attribute("cannot assign parameters before Module.__init__() call");
            }
            if (old != null && !NnParameter.is(old)) {
                self.removeOwn(name);
            }
        } else if (NnParameter.is(old) && value != PyNone.NONE) {
            throw PyError.type("cannot assign '" + typename(value) + "' as parameter '" + name
                    + "' (torch.nn.Parameter or None expected)");
        } else if (isModule(value)) {
            if (!initialised) {
                throw PyError.attribute("cannot assign module before Module.__init__() call");
            }
            if (old != null && !isModule(old)) {
                self.removeOwn(name);
            }
        } else if (isModule(old) && value != PyNone.NONE) {
            throw PyError.type("cannot assign '" + typename(value) + "' as child module '" + name
                    + "' (torch.nn.Module or None expected)");
        }
        self.setOwn(name, value);
    }

    /** {@code torch.typename(v)}. */
    static String typename(Object v) {
        if (v instanceof Tensor t) {
            return t.dtype().legacyTypeName();
        }
        if (v instanceof PyInstance i) {
            String text = i.cls().toString();
            return text.substring("<class '".length(), text.length() - 2);
        }
        return Values.typeName(v);
    }

    /** The sub-modules directly held, by attribute name, in order. */
    static Map<String, PyInstance> children(PyInstance self) {
        Map<String, PyInstance> out = new java.util.LinkedHashMap<>();
        self.own().forEach((name, v) -> {
            if (isModule(v)) {
                out.put(name, (PyInstance) v);
            }
        });
        return out;
    }

    /** The module and every module below it, each once, depth first in order ({@code modules()}). */
    static List<PyInstance> allModules(PyInstance root) {
        List<PyInstance> out = new ArrayList<>();
        Set<PyInstance> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<PyInstance> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            PyInstance m = stack.remove(stack.size() - 1);
            if (!seen.add(m)) {
                continue;
            }
            out.add(m);
            List<PyInstance> kids = new ArrayList<>(children(m).values());
            Collections.reverse(kids);
            stack.addAll(kids);
        }
        return out;
    }

    /**
     * The order in which {@code Module.apply(fn)} calls fn: each module's children left to right (each one's own
     * children first), then the module itself, as torch's recursive {@code apply} does; a module reached along two
     * paths is visited along each.
     */
    static List<PyInstance> postOrder(PyInstance root) {
        record Visit(PyInstance module, boolean childrenDone) { }
        List<PyInstance> out = new ArrayList<>();
        List<Visit> stack = new ArrayList<>(List.of(new Visit(root, false)));
        while (!stack.isEmpty()) {
            Visit v = stack.remove(stack.size() - 1);
            if (v.childrenDone()) {
                out.add(v.module());
                continue;
            }
            stack.add(new Visit(v.module(), true));
            List<PyInstance> kids = new ArrayList<>(children(v.module()).values());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.add(new Visit(kids.get(i), false));
            }
        }
        return out;
    }

    /**
     * {@code named_parameters()}: the module's own Parameters in order, then each sub-module's with its name as
     * prefix, each tensor once.
     */
    static Map<String, Tensor> namedParameters(PyInstance root, boolean recurse) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        Set<Tensor> seenParams = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<PyInstance> seenModules = Collections.newSetFromMap(new IdentityHashMap<>());
        record Pending(String prefix, PyInstance module) {
        }
        List<Pending> stack = new ArrayList<>(List.of(new Pending("", root)));
        while (!stack.isEmpty()) {
            Pending p = stack.remove(stack.size() - 1);
            if (!seenModules.add(p.module())) {
                continue;
            }
            p.module().own().forEach((name, v) -> {
                if (NnParameter.is(v) && seenParams.add((Tensor) v)) {
                    out.put(p.prefix() + name, (Tensor) v);
                }
            });
            if (recurse) {
                List<Pending> kids = new ArrayList<>();
                children(p.module()).forEach((name, c) -> kids.add(new Pending(p.prefix() + name + ".", c)));
                Collections.reverse(kids);
                stack.addAll(kids);
            }
        }
        return out;
    }

    /** torch's {@code Module.__repr__}: the class name, extra_repr, then each child indented. */
    static String repr(PyInstance self) {
        Object extra = ((PyCallable) self.attribute("extra_repr")).call(new Args("extra_repr", List.of(), Map.of()));
        List<String> extraLines = extra instanceof String s && !s.isEmpty() ? List.of(s.split("\n", -1)) : List.of();
        List<String> childLines = new ArrayList<>();
        children(self).forEach((name, child) -> childLines.add("(" + name + "): " + addIndent(Values.repr(child))));
        List<String> lines = new ArrayList<>(extraLines);
        lines.addAll(childLines);
        StringBuilder sb = new StringBuilder(self.cls().name()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                sb.append(extraLines.get(0));
            } else {
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    /** torch's {@code _addindent(s, 2)}: every line but the first indented by two spaces. */
    private static String addIndent(String s) {
        String[] lines = s.split("\n", -1);
        if (lines.length == 1) {
            return s;
        }
        StringBuilder sb = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            sb.append("\n  ").append(lines[i]);
        }
        return sb.toString();
    }
}
