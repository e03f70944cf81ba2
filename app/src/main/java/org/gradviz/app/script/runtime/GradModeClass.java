package org.gradviz.app.script.runtime;

/**
 * The classes {@code torch.no_grad}, {@code torch.enable_grad}, {@code torch.inference_mode} and
 * {@code torch.set_grad_enabled}: calling one makes
 * its {@link GradModeContext}; printed as torch's classes, {@code <class 'torch.autograd.grad_mode.no_grad'>}.
 */
record GradModeClass(String name, PyCallable constructor) implements PyCallable, HasAttributes {

    @Override
    public Object call(Args args) {
        return constructor.call(args);
    }

    @Override
    public Object attribute(String attribute) {
        return attribute.equals("__name__") ? name : null;
    }

    @Override
    public String typeName() {
        return "type";
    }

    @Override
    public String toString() {
        return "<class 'torch.autograd.grad_mode." + name + "'>";
    }
}
