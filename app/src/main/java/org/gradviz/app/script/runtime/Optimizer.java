package org.gradviz.app.script.runtime;

import org.gradviz.engine.optim.SGD;

/** {@code torch.optim.SGD(...)} as a program sees it: {@code zero_grad()} and {@code step()}. */
public record Optimizer(SGD sgd) implements HasAttributes {

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "zero_grad" -> new Builtin("zero_grad", a -> {
                a.accept(1, "set_to_none");
                if (a.bool(0, "set_to_none", false)) {
                    for (var p : sgd.params()) {
                        p.setGrad(null);
                    }
                } else {
                    sgd.zeroGrad();
                }
                return PyNone.NONE;
            });
            case "step" -> new Builtin("step", a -> {
                a.accept(0);
                sgd.step();
                return PyNone.NONE;
            });
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return "SGD";
    }

    @Override
    public String toString() {
        return "SGD (\nParameter Group 0\n    dampening: 0\n    lr: " + Values.repr(sgd.lr()) + "\n)";
    }
}
