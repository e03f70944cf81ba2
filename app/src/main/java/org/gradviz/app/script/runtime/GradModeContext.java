package org.gradviz.app.script.runtime;

import org.gradviz.engine.GradMode;

/**
 * The context managers {@code torch.no_grad()}, {@code torch.enable_grad()} and {@code torch.set_grad_enabled(mode)};
 * called with a function (as the decorator {@code @torch.no_grad()}) they give the function run in that mode.
 *
 * @param set for set_grad_enabled, the guard of the mode it set when called (closing it restores the mode before the
 *     call), else null
 */
public record GradModeContext(boolean enabled, GradMode.Guard set) implements HasAttributes, PyCallable {

    /** {@code torch.no_grad()} (false) or {@code torch.enable_grad()} (true). */
    public GradModeContext(boolean enabled) {
        this(enabled, null);
    }

    /** {@code torch.set_grad_enabled(mode)}: the mode is set at once, as the call does in torch. */
    static GradModeContext setNow(boolean enabled) {
        return new GradModeContext(enabled, GradMode.setEnabled(enabled));
    }

    @Override
    public Object call(Args args) {
        Object f = args.accept(1).get(0, "func");
        if (!(f instanceof PyCallable function)) {
            throw PyError.type("'" + Values.typeName(f) + "' object is not callable");
        }
        return new Builtin(f instanceof PyFunction fn ? fn.name() : "decorate_context", a -> {
            try (var g = enter()) {
                return function.call(a);
            }
        });
    }

    /** Enters the context; closing the guard restores the previous mode. */
    public GradMode.Guard enter() {
        if (set != null) {
            return set;
        }
        return enabled ? GradMode.enabled() : GradMode.disabled();
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return set != null ? "set_grad_enabled" : enabled ? "enable_grad" : "no_grad";
    }

    @Override
    public String toString() {
        return "<torch.autograd.grad_mode." + typeName() + " object at 0x7f"
                + String.format("%010x", System.identityHashCode(this)) + ">";
    }
}
