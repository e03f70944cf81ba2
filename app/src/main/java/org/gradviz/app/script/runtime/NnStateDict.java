package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;

/**
 * {@code Module.state_dict()} and {@code Module.load_state_dict()} as torch 1.13's {@code module.py} has them: each
 * module's own Parameters, then its persistent buffers, then each child's under the child's name and a dot.
 */
final class NnStateDict {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnStateDict() {
    }

    static void define(PyClass m) {
        method(m, "state_dict", a -> {
            if (a.size() > 1) {
                throw new Unsupported("'Module.state_dict' with positional arguments");
            }
            Object[] v = Signature.of("Module.state_dict", "self", REQUIRED, "destination", PyNone.NONE, "prefix",
                    "", "keep_vars", false).bind(a);
            PyDict destination = v[1] == PyNone.NONE ? PyDict.orderedDict() : asDict(v[1]);
            boolean keepVars = Values.truthy(v[3]);
            stateOf(self(a), Values.str(v[2])).forEach((k, t) -> destination.put(k, keepVars ? t : t.detach()));
            return destination;
        });
        method(m, "load_state_dict", a -> {
            Object[] v = Signature.of("Module.load_state_dict", "self", REQUIRED, "state_dict", REQUIRED, "strict",
                    true).bind(a);
            if (!(v[1] instanceof PyDict given)) {
                throw PyError.type("Expected state_dict to be dict-like, got " + classText(v[1])
                        + ".");
            }
            return load(self(a), given, Values.truthy(v[2]));
        });
    }

    private static PyDict asDict(Object v) {
        if (!(v instanceof PyDict d)) {
            throw new Unsupported("'Module.state_dict' into a " + Values.typeName(v));
        }
        return d;
    }

    /** The module's own Parameters and persistent buffers that are not None, Parameters first. */
    private static Map<String, Tensor> localState(PyInstance module) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        module.own().forEach((name, v) -> {
            if (NnParameter.is(v)) {
                out.put(name, (Tensor) v);
            }
        });
        module.own().forEach((name, v) -> {
            if (v instanceof Tensor t && !NnParameter.is(v) && NnModuleRegistry.isPersistentBuffer(module, name)) {
                out.put(name, t);
            }
        });
        return out;
    }

    /** Every entry of the state, in torch's order (a shared Parameter appears under each of its names). */
    private static Map<String, Tensor> stateOf(PyInstance root, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        record Pending(String prefix, PyInstance module) {
        }
        List<Pending> stack = new ArrayList<>(List.of(new Pending(prefix, root)));
        while (!stack.isEmpty()) {
            Pending p = stack.remove(stack.size() - 1);
            localState(p.module()).forEach((name, t) -> out.put(p.prefix() + name, t));
            List<Pending> kids = new ArrayList<>();
            NnModule.children(p.module()).forEach((name, c) -> kids.add(new Pending(p.prefix() + name + ".", c)));
            java.util.Collections.reverse(kids);
            stack.addAll(kids);
        }
        return out;
    }

    /** torch's {@code load_state_dict}: copies every matching entry without recording, then reports the rest. */
    private static Object load(PyInstance root, PyDict given, boolean strict) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        record Pending(String prefix, PyInstance module) {
        }
        List<Pending> stack = new ArrayList<>(List.of(new Pending("", root)));
        while (!stack.isEmpty()) {
            Pending p = stack.remove(stack.size() - 1);
            Map<String, Tensor> local = localState(p.module());
            local.forEach((name, param) -> {
                String key = p.prefix() + name;
                if (given.containsKey(key)) {
                    copyInto(key, param, given.get(key), errors);
                } else {
                    missing.add(key);
                }
            });
            // NOTE: torch gathers missing and unexpected keys whatever strict says; strict only makes them errors
            Map<String, PyInstance> children = NnModule.children(p.module());
            for (Object key : given.keys()) {
                if (key instanceof String k && k.startsWith(p.prefix())) {
                    String first = k.substring(p.prefix().length()).split("\\.", 2)[0];
                    if (!children.containsKey(first) && !local.containsKey(first)) {
                        unexpected.add(k);
                    }
                }
            }
            List<Pending> kids = new ArrayList<>();
            NnModule.children(p.module()).forEach((name, c) -> kids.add(new Pending(p.prefix() + name + ".", c)));
            java.util.Collections.reverse(kids);
            stack.addAll(kids);
        }
        if (strict && !unexpected.isEmpty()) {
            errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        }
        if (strict && !missing.isEmpty()) {
            errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new PyError("RuntimeError", "Error(s) in loading state_dict for " + root.cls().name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        return PyNamedTuple.incompatibleKeys(new ArrayList<>(missing), new ArrayList<>(unexpected));
    }

    private static void copyInto(String key, Tensor param, Object value, List<String> errors) {
        if (!(value instanceof Tensor input)) {
            errors.add("While copying the parameter named \"" + key + "\", expected torch.Tensor or Tensor-like "
                    + "object from checkpoint but received " + classText(value));
            return;
        }
        if (param.dim() == 0 && input.dim() == 1) {
            input = TensorFactory.select(input, 0);
        }
        if (!input.shape().equals(param.shape())) {
            errors.add("size mismatch for " + key + ": copying a param with shape " + PySize.of(input.shape())
                    + " from checkpoint, the shape in current model is " + PySize.of(param.shape()) + ".");
            return;
        }
        try (GradMode.Guard g = GradMode.disabled()) {
            ((PyCallable) TensorMembers.get(param, "copy_")).call(new Args("copy_", List.of(input), Map.of()));
        }
    }

    /** {@code str(type(v))} for the plain values a state dict may wrongly hold. */
    private static String classText(Object v) {
        return "<class '" + Values.typeName(v) + "'>";
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
    }
}
