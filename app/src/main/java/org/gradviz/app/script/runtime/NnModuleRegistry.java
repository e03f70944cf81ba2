package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.engine.Tensor;

/**
 * The members of {@code nn.Module} that register what a module holds under a name, and walk them:
 * {@code add_module}, {@code register_parameter}, {@code register_buffer}, {@code buffers}, {@code named_buffers} and
 * {@code named_modules}, with torch 1.13's checks and messages. A buffer is an attribute of the module (as
 * {@code self.name} reads it) that this class remembers as one.
 */
final class NnModuleRegistry {
    private static final Object REQUIRED = Signature.REQUIRED;
    /** The names of each module's buffers, in the order registered. */
    private static final Map<PyInstance, Set<String>> BUFFERS = Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** The buffers registered with {@code persistent=False}, which {@code state_dict} leaves out. */
    private static final Map<PyInstance, Set<String>> NON_PERSISTENT =
            Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private NnModuleRegistry() {
    }

    static void define(PyClass m) {
        method(m, "add_module", a -> {
            Object[] v = Signature.of("Module.add_module", "self", REQUIRED, "name", REQUIRED, "module", REQUIRED)
                    .bind(a);
            addModule(self(a), v[1], v[2]);
            return PyNone.NONE;
        });
        method(m, "register_parameter", a -> {
            Object[] v = Signature.of("Module.register_parameter", "self", REQUIRED, "name", REQUIRED, "param",
                    REQUIRED).bind(a);
            PyInstance self = self(a);
            String name = checkedName(self, v[1], "parameter", "cannot assign parameter before Module.__init__() call");
            if (v[2] != PyNone.NONE && !NnParameter.is(v[2])) {
                throw PyError.type("cannot assign '" + NnModule.typename(v[2]) + "' object to parameter '" + name
                        + "' (torch.nn.Parameter or None required)");
            }
            self.setOwn(name, v[2]);
            return PyNone.NONE;
        });
        method(m, "register_buffer", a -> {
            Object[] v = Signature.of("Module.register_buffer", "self", REQUIRED, "name", REQUIRED, "tensor",
                    REQUIRED, "persistent", true).bind(a);
            PyInstance self = self(a);
            String name = checkedName(self, v[1], "buffer", "cannot assign buffer before Module.__init__() call");
            if (v[2] != PyNone.NONE && !(v[2] instanceof Tensor)) {
                throw PyError.type("cannot assign '" + NnModule.typename(v[2]) + "' object to buffer '" + name
                        + "' (torch Tensor or None required)");
            }
            register(self, name, v[2], Values.truthy(v[3]));
            return PyNone.NONE;
        });
        method(m, "named_buffers", a -> {
            Object[] v = Signature.of("Module.named_buffers", "self", REQUIRED, "prefix", "", "recurse", true)
                    .bind(a);
            String prefix = v[1] instanceof String s && !s.isEmpty() ? s + "." : "";
            List<Object> out = new ArrayList<>();
            namedBuffers(self(a), Values.truthy(v[2])).forEach((n, b) -> out.add(new PyTuple(List.of(prefix + n, b))));
            return PyIterator.generator("Module.named_buffers", out);
        });
        method(m, "buffers", a -> {
            Object[] v = Signature.of("Module.buffers", "self", REQUIRED, "recurse", true).bind(a);
            return PyIterator.generator("Module.buffers",
                    new ArrayList<>(namedBuffers(self(a), Values.truthy(v[1])).values()));
        });
        method(m, "named_modules", a -> {
            Object[] v = Signature.of("Module.named_modules", "self", REQUIRED, "memo", PyNone.NONE, "prefix", "",
                    "remove_duplicate", true).bind(a);
            List<Object> out = new ArrayList<>();
            Set<PyInstance> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            namedModules(self(a), Values.str(v[2]), seen, Values.truthy(v[3]), out);
            return PyIterator.generator("Module.named_modules", out);
        });
    }

    /** {@code self.register_buffer(name, value)} of a native module's {@code __init__} (persistent). */
    static void registerBuffer(PyInstance self, String name, Object value) {
        register(self, name, value, true);
    }

    private static void register(PyInstance self, String name, Object value, boolean persistent) {
        BUFFERS.computeIfAbsent(self, k -> new LinkedHashSet<>()).add(name);
        Set<String> notSaved = NON_PERSISTENT.computeIfAbsent(self, k -> new LinkedHashSet<>());
        if (persistent) {
            notSaved.remove(name);
        } else {
            notSaved.add(name);
        }
        self.setOwn(name, value);
    }

    /** The names of the module's own buffers, in the order registered. */
    static Set<String> bufferNames(PyInstance module) {
        return BUFFERS.getOrDefault(module, Set.of());
    }

    /** {@code add_module(name, module)}, also how {@code nn.Sequential(OrderedDict)} names its layers. */
    static void addModule(PyInstance self, Object name, Object module) {
        if (!NnModule.isModule(module) && module != PyNone.NONE) {
            throw PyError.type(NnModule.typename(module) + " is not a Module subclass");
        }
        if (!(name instanceof String text)) {
            throw PyError.type("module name should be a string. Got " + NnModule.typename(name));
        }
        if (self.own().containsKey(text) && !NnModule.isModule(self.own().get(text))) {
            throw keyError("attribute '" + text + "' already exists");
        }
        if (text.contains(".")) {
            throw keyError("module name can't contain \".\", got: " + text);
        }
        if (text.isEmpty()) {
            throw keyError("module name can't be empty string \"\"");
        }
        self.setOwn(text, module);
    }

    /** Whether {@code name} is a buffer of {@code module} that its {@code state_dict} holds. */
    static boolean isPersistentBuffer(PyInstance module, String name) {
        return isBuffer(module, name) && !NON_PERSISTENT.getOrDefault(module, Set.of()).contains(name);
    }

    /** Whether {@code name} is a buffer of {@code module}. */
    static boolean isBuffer(PyInstance module, String name) {
        Set<String> names = BUFFERS.get(module);
        return names != null && names.contains(name);
    }

    /** The name of a parameter or buffer about to be registered, with torch's checks. */
    private static String checkedName(PyInstance self, Object name, String what, String beforeInit) {
        if (!self.own().containsKey("training")) {
            throw PyError.attribute(beforeInit);
        }
        if (!(name instanceof String text)) {
            throw PyError.type(what + " name should be a string. Got " + NnModule.typename(name));
        }
        if (text.contains(".")) {
            throw keyError(what + " name can't contain \".\"");
        }
        if (text.isEmpty()) {
            throw keyError(what + " name can't be empty string \"\"");
        }
        Object old = self.own().get(text);
        boolean same = what.equals("buffer") ? isBuffer(self, text) : old == PyNone.NONE || NnParameter.is(old);
        if (self.own().containsKey(text) && !same || self.cls().lookup(text) != null) {
            throw keyError("attribute '" + text + "' already exists");
        }
        return text;
    }

    /** The buffers of the module, then of each sub-module with its name as prefix; None and repeats left out. */
    private static Map<String, Tensor> namedBuffers(PyInstance root, boolean recurse) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> modules = new ArrayList<>();
        if (recurse) {
            namedModules(root, "", Collections.newSetFromMap(new IdentityHashMap<>()), true, modules);
        } else {
            modules.add(new PyTuple(List.of("", root)));
        }
        for (Object entry : modules) {
            List<Object> pair = Iteration.items(entry);
            String prefix = pair.get(0).equals("") ? "" : pair.get(0) + ".";
            PyInstance module = (PyInstance) pair.get(1);
            for (String name : BUFFERS.getOrDefault(module, Set.of())) {
                if (module.own().get(name) instanceof Tensor t && seen.add(t)) {
                    out.put(prefix + name, t);
                }
            }
        }
        return out;
    }

    /** {@code named_modules}: (prefix, module) for the module, then depth first for its children. */
    private static void namedModules(PyInstance module, String prefix, Set<PyInstance> seen, boolean removeDuplicate,
            List<Object> out) {
        if (removeDuplicate && !seen.add(module)) {
            return;
        }
        out.add(new PyTuple(List.of(prefix, module)));
        NnModule.children(module).forEach((name, child) -> namedModules(child,
                prefix.isEmpty() ? name : prefix + "." + name, seen, removeDuplicate, out));
    }

    private static PyError keyError(String message) {
        return PyError.raised(ExceptionTypes.instance(ExceptionTypes.KEY_ERROR, List.of(message)));
    }
}
