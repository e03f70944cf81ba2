package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.List;
import java.util.Map;

/**
 * {@code Module.register_forward_pre_hook(hook)} and {@code register_forward_hook(hook)}, run by {@code Module.__call__}
 * as torch 1.13's {@code _call_impl} runs them: each pre-hook as {@code hook(module, input)} (a result that is not None
 * replaces the input tuple; one that is not a tuple is wrapped in one), then forward, then each hook as
 * {@code hook(module, input, output)} (a result that is not None replaces the output), in the order registered. They
 * are kept, as in torch, in the module's OrderedDicts {@code _forward_pre_hooks} / {@code _forward_hooks} under the
 * id of the {@code RemovableHandle} registering them returns, whose {@code remove()} takes them out.
 */
final class NnModuleHooks {
    static final String PRE_HOOKS = "_forward_pre_hooks";
    static final String HOOKS = "_forward_hooks";
    private static final PyClass HANDLE = handleClass();
    /** torch's {@code RemovableHandle.next_id}, one count for all handles of a run. */
    private static final ThreadLocal<long[]> NEXT_ID = ThreadLocal.withInitial(() -> new long[1]);

    private NnModuleHooks() {
    }

    /** The two register methods on {@code Module}. */
    static void define(PyClass module) {
        method(module, "register_forward_pre_hook", a -> register(a, "register_forward_pre_hook", PRE_HOOKS));
        method(module, "register_forward_hook", a -> register(a, "register_forward_hook", HOOKS));
    }

    /** A new run counts handle ids from 0 again, as a new Python process would. */
    static void reset() {
        NEXT_ID.get()[0] = 0;
    }

    /** {@code module(*inputs)}: the pre-hooks, {@code forward}, then the hooks. */
    static Object call(PyInstance module, List<Object> inputs, Map<String, Object> keywords, PyCallable forward) {
        List<Object> input = inputs;
        for (Object hook : hooks(module, PRE_HOOKS)) {
            Object result = ((PyCallable) hook).call(new Args("hook", List.of(module, new PyTuple(input)), Map.of()));
            if (result != PyNone.NONE) {
                input = result instanceof PyTuple t ? t.items() : List.of(result);
            }
        }
        Object output = forward.call(new Args("forward", input, keywords));
        for (Object hook : hooks(module, HOOKS)) {
            Object result = ((PyCallable) hook).call(new Args("hook", List.of(module, new PyTuple(input), output),
                    Map.of()));
            if (result != PyNone.NONE) {
                output = result;
            }
        }
        return output;
    }

    private static List<Object> hooks(PyInstance module, String kind) {
        return module.own().get(kind) instanceof PyDict d ? d.values() : List.of();
    }

    private static Object register(Args a, String function, String kind) {
        Object[] v = Signature.of("Module." + function, "self", Signature.REQUIRED, "hook", Signature.REQUIRED).bind(a);
        PyInstance module = self(a);
        PyDict hooks = module.own().get(kind) instanceof PyDict d ? d : PyDict.orderedDict();
        module.setOwn(kind, hooks);
        long id = NEXT_ID.get()[0]++;
        hooks.put(id, v[1]);
        PyInstance handle = new PyInstance(HANDLE);
        handle.setOwn("hooks_dict_ref", hooks);
        handle.setOwn("id", id);
        return handle;
    }

    private static PyClass handleClass() {
        PyClass c = new PyClass("RemovableHandle", "torch.utils.hooks", ExceptionTypes.OBJECT);
        method(c, "remove", a -> {
            PyInstance handle = self(a.accept(1));
            PyDict hooks = (PyDict) handle.own().get("hooks_dict_ref");
            Object id = handle.own().get("id");
            if (hooks.get(id) != null) {
                hooks.remove(id);
            }
            return PyNone.NONE;
        });
        return c;
    }
}
