package org.gradviz.app.script.runtime;

import java.util.List;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.autograd.Function}: the base class of a program's custom autograd functions, whose {@code apply} runs
 * the subclass's {@code forward(ctx, ...)} without recording and, when an input requires grad, makes the result's
 * grad_fn a {@link CustomFunctionNode} whose chain rule is the subclass's {@code backward(ctx, ...)}.
 */
public final class CustomFunction {

    private CustomFunction() {
    }

    /** A fresh {@code torch.autograd.Function} class, for one run. */
    static PyClass baseClass() {
        PyClass base = new PyClass("Function", "torch.autograd.function", ExceptionTypes.OBJECT);
        base.define("apply", new PyClassMethod(new Builtin("apply", CustomFunction::apply)));
        base.define("forward", new PyStaticMethod(new Builtin("forward", a -> {
            throw new PyError("NotImplementedError",
                    "You must implement the forward function for custom autograd.Function.");
        })));
        base.define("backward", new PyStaticMethod(new Builtin("backward", a -> {
            throw new PyError("NotImplementedError", "You must implement either the backward or vjp method for "
                    + "your custom autograd.Function to use it with backward mode AD.");
        })));
        return base;
    }

    private static final ThreadLocal<Integer> FORWARD_DEPTH = ThreadLocal.withInitial(() -> 0);

    /**
     * Whether a custom Function's {@code forward} is running (under no_grad, as torch runs it): a cell importer then
     * inlines its ops, as it inlines a module's forward.
     */
    public static boolean runningForward() {
        return FORWARD_DEPTH.get() > 0;
    }

    /** {@code C.apply(*args)}: the first argument is the class {@code C} (apply is a classmethod). */
    private static Object apply(Args a) {
        PyClass cls = (PyClass) a.positional().get(0);
        if (!a.keywords().isEmpty()) {
            throw PyError.type("apply() takes no keyword arguments");
        }
        List<Object> arguments = a.positional().subList(1, a.size());
        CustomFunctionNode ctx = new CustomFunctionNode(cls, arguments);
        Tensor[] inputs = ctx.tensorInputs();
        boolean record = GradMode.isEnabled() && anyRequiresGrad(inputs);
        Object forward = cls.attribute("forward");
        Object out;
        FORWARD_DEPTH.set(FORWARD_DEPTH.get() + 1);
        try (var g = GradMode.disabled()) {
            java.util.List<Object> all = new java.util.ArrayList<>(arguments.size() + 1);
            all.add(ctx);
            all.addAll(arguments);
            out = ((PyCallable) forward).call(new Args("forward", all, java.util.Map.of()));
        } finally {
            FORWARD_DEPTH.set(FORWARD_DEPTH.get() - 1);
        }
        if (!record) {
            return out;
        }
        if (out instanceof Tensor result) {
            Tensor[] outputs = {fresh(result, inputs)};
            ctx.setOutputs(outputs);
            Autograd.attachOutputs(ctx, outputs, inputs);
            return outputs[0];
        }
        if (!(out instanceof PyTuple tuple)) {
            return out;
        }
        Tensor[] outputs = new Tensor[tuple.items().size()];
        for (int i = 0; i < outputs.length; i++) {
            if (!(tuple.items().get(i) instanceof Tensor t)) {
                throw new Unsupported("a custom autograd.Function returning a tuple with a "
                        + Values.typeName(tuple.items().get(i)));
            }
            outputs[i] = fresh(t, inputs);
        }
        ctx.setOutputs(outputs);
        Autograd.attachOutputs(ctx, outputs, inputs);
        return new PyTuple(java.util.Arrays.asList((Object[]) outputs));
    }

    /** The output itself, or a new tensor over its values when forward returned one of its inputs unchanged. */
    private static Tensor fresh(Tensor result, Tensor[] inputs) {
        for (Tensor input : inputs) {
            if (input == result) {
                return result.detach();
            }
        }
        return result;
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
