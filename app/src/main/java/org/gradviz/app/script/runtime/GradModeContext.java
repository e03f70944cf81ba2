package org.gradviz.app.script.runtime;

import org.gradviz.engine.GradMode;

/** The context managers {@code torch.no_grad()} and {@code torch.enable_grad()}. */
public record GradModeContext(boolean enabled) implements HasAttributes {

    /** Enters the context; closing the guard restores the previous mode. */
    public GradMode.Guard enter() {
        return enabled ? GradMode.enabled() : GradMode.disabled();
    }

    @Override
    public Object attribute(String name) {
        return null;
    }

    @Override
    public String typeName() {
        return enabled ? "enable_grad" : "no_grad";
    }

    @Override
    public String toString() {
        return "<torch.autograd.grad_mode." + typeName() + " object at 0x7f"
                + String.format("%010x", System.identityHashCode(this)) + ">";
    }
}
