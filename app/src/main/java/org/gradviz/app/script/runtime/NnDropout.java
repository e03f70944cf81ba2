package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Arithmetic;

/**
 * {@code nn.Dropout(p)} and {@code F.dropout(input, p, training)} as torch 1.13's CPU {@code _dropout_impl}: the
 * input itself when p is 0, training is off or the input is empty; else input · noise, the noise drawn as
 * {@code empty_like(input).bernoulli_(1 - p)} from the default generator and divided by 1 - p (p = 1: input · 0).
 * Its node is torch's {@code MulBackward0}. A document has no node for it (it draws random numbers).
 */
final class NnDropout {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnDropout() {
    }

    /** {@code torch.nn.Dropout}. */
    static PyClass module() {
        PyClass c = nnClass("Dropout", "dropout", NnModule.MODULE);
        Signature init = Signature.of("Dropout.__init__", "self", REQUIRED, "p", 0.5, "inplace", false);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            probability(v[1]);
            refuseInplace(v[2]);
            self.setOwn("p", v[1]);
            self.setOwn("inplace", v[2]);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("Dropout.forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            PyInstance self = self(a);
            return dropout(NnLayers.input(v[1], "dropout"), probability(self.attribute("p")),
                    Values.truthy(self.attribute("training")));
        });
        method(c, "extra_repr", a -> {
            PyInstance self = self(a);
            return "p=" + Values.str(self.attribute("p")) + ", inplace=" + Values.str(self.attribute("inplace"));
        });
        return c;
    }

    /** {@code F.dropout(input, p=0.5, training=True, inplace=False)}. */
    static Builtin function() {
        Signature s = Signature.of("dropout", "input", REQUIRED, "p", 0.5, "training", true, "inplace", false);
        return new Builtin("dropout", a -> {
            Object[] v = s.bind(a);
            double p = probability(v[1]);
            refuseInplace(v[3]);
            return dropout(NnLayers.input(v[0], "dropout"), p, Values.truthy(v[2]));
        });
    }

    private static Object dropout(Tensor input, double p, boolean training) {
        if (p == 0 || !training || input.numel() == 0) {
            return input;
        }
        if (p == 1) {
            return Arithmetic.mul(input, Torch.full(org.gradviz.engine.Shape.of(), 0, input.dtype()));
        }
        Tensor noise;
        try (var g = GradMode.disabled()) {
            Tensor bits = Tensor.fromData(input.shape(), input.dtype(), input.dtype().roundAll(
                    org.gradviz.engine.random.TorchGenerator.defaultGenerator().bernoulli(input.numel(), 1 - p)));
            noise = TensorArithmetic.apply(BinaryOp.DIV, bits, 1 - p);
        }
        return Arithmetic.mul(input, noise);
    }

    /** p as a float, with torch's ValueError outside [0, 1]. */
    private static double probability(Object given) {
        double p = Values.toDouble(given, "dropout(): argument 'p'");
        if (p < 0 || p > 1) {
            throw PyError.value("dropout probability has to be between 0 and 1, but got " + Values.str(given));
        }
        return p;
    }

    private static void refuseInplace(Object inplace) {
        if (Values.truthy(inplace)) {
            throw new Unsupported("'dropout(inplace=True)'");
        }
    }
}
