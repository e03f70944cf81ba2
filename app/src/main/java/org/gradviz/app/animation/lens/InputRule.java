package org.gradviz.app.animation.lens;

import java.util.function.Function;

/**
 * How one input of a node gets its gradient: the input's name, the formula in symbols ({@code grad · other})
 * and the derivation of its product from a run's gradient and saved values.
 */
record InputRule(String input, Function<LensContext, String> formula, Derivative derivative) {

    /** The product for this input, from the run's gradient and saved values. */
    @FunctionalInterface
    interface Derivative {
        Derivation derive(LensContext c, InputMeta input);
    }

    static InputRule of(String input, String formula, Derivative derivative) {
        return new InputRule(input, c -> formula, derivative);
    }

    static InputRule of(String input, Function<LensContext, String> formula, Derivative derivative) {
        return new InputRule(input, formula, derivative);
    }

    /** {@code ∂/∂self = grad · other}. */
    String equation(LensContext c) {
        return "∂/∂" + input + " = " + formula.apply(c);
    }
}
