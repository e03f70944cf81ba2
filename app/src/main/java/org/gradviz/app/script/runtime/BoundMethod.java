package org.gradviz.app.script.runtime;

/** {@code obj.method}: the function with {@code obj} as its first argument. */
record BoundMethod(Object self, PyCallable function) implements PyCallable {

    @Override
    public Object call(Args args) {
        return function.call(args.withSelf(self));
    }

    @Override
    public String toString() {
        if (function instanceof Builtin b && self instanceof PyClass) {
            // NOTE: the one builtin classmethod: torch.autograd.Function.apply, on the class's metaclass
            return "<built-in method " + b.name() + " of FunctionMeta object at " + Addresses.of(self) + ">";
        }
        String name = function instanceof PyFunction f ? f.toString().split(" ")[1] : "?";
        return "<bound method " + name + " of " + Values.repr(self) + ">";
    }
}
