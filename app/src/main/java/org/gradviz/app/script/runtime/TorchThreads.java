package org.gradviz.app.script.runtime;

import java.util.Map;

/**
 * {@code torch.set_num_threads}, {@code get_num_threads} and {@code get_num_interop_threads}, with torch's checks and
 * errors. gradviz computes as torch does on one thread (torch 1.13's own count on the machine the fixtures come from),
 * whatever count a program sets: {@code get_num_threads()} returns that count, and the numbers stay one thread's.
 */
final class TorchThreads {
    private TorchThreads() {
    }

    /** Adds the three functions to the {@code torch} module {@code m}; the count lives as long as that module. */
    static void addTo(Map<String, Object> m) {
        long[] threads = {1};
        m.put("set_num_threads", new Builtin("set_num_threads", a -> {
            if (!a.keywords().isEmpty()) {
                throw PyError.type("torch.set_num_threads() takes no keyword arguments");
            }
            if (a.size() != 1) {
                throw PyError.type("torch.set_num_threads() takes exactly one argument (" + a.size() + " given)");
            }
            Object n = a.positional().get(0);
            if (!(n instanceof Long) || n instanceof Boolean) {
                throw new PyError("RuntimeError", "set_num_threads expects an int, but got " + Values.typeName(n));
            }
            // NOTE: torch keeps the count as a C int, so 2**40 is 0 to it
            int count = (int) (long) (Long) n;
            if (count <= 0) {
                throw new PyError("RuntimeError", "set_num_threads expects a positive integer");
            }
            threads[0] = count;
            return PyNone.NONE;
        }));
        m.put("get_num_threads", noArguments("get_num_threads", () -> threads[0]));
        m.put("get_num_interop_threads", noArguments("get_num_interop_threads", () -> 1L));
    }

    private static Builtin noArguments(String name, java.util.function.Supplier<Object> value) {
        return new Builtin(name, a -> {
            if (!a.keywords().isEmpty()) {
                throw PyError.type("torch." + name + "() takes no keyword arguments");
            }
            if (a.size() != 0) {
                throw PyError.type("torch." + name + "() takes no arguments (" + a.size() + " given)");
            }
            return value.get();
        });
    }
}
