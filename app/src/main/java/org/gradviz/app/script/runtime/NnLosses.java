package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Reduction;

/**
 * {@code nn.CrossEntropyLoss} and {@code nn.NLLLoss}: {@code loss_fn(input, target)} with the reduction,
 * ignore_index and label_smoothing given when made (the op table's nll_loss and cross_entropy rows hold the
 * reduction; a call reports itself as that row's functional form). The other losses of the table are
 * {@link NnOpModules}.
 */
final class NnLosses {
    private static final Object REQUIRED = Signature.REQUIRED;

    /** One loss's computation from input, target and the module (for its reduction and options). */
    private interface LossFn {
        Tensor apply(Tensor input, Tensor target, PyInstance self);
    }

    private NnLosses() {
    }

    /** {@code nn.CrossEntropyLoss} or {@code nn.NLLLoss}: the module spellings of the op table's two rows. */
    static PyClass of(String name) {
        return switch (name) {
            case "CrossEntropyLoss" -> loss(name, (x, t, self) -> NnFunctional.crossEntropy(x, t,
                    NnFunctional.weight(self.attribute("weight")), reduction(self),
                    Ints.int64(self.attribute("ignore_index")), Values.toDouble(self.attribute("label_smoothing"),
                            "label_smoothing")));
            case "NLLLoss" -> loss(name, (x, t, self) -> NnFunctional.nllLoss(x, t,
                    NnFunctional.weight(self.attribute("weight")), reduction(self),
                    Ints.int64(self.attribute("ignore_index"))));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Reduction reduction(PyInstance self) {
        return NnLayers.reduction(self.attribute("reduction"));
    }

    private static Signature signature(String name) {
        String q = name + ".__init__";
        return switch (name) {
            case "CrossEntropyLoss" -> Signature.of(q, "self", REQUIRED, "weight", PyNone.NONE, "size_average",
                    PyNone.NONE, "ignore_index", -100L, "reduce", PyNone.NONE, "reduction", "mean",
                    "label_smoothing", 0.0);
            default -> Signature.of(q, "self", REQUIRED, "weight", PyNone.NONE, "size_average", PyNone.NONE,
                    "ignore_index", -100L, "reduce", PyNone.NONE, "reduction", "mean");
        };
    }

    private static PyClass loss(String name, LossFn fn) {
        PyClass c = nnClass(name, "loss", NnModule.MODULE);
        Signature init = signature(name);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            for (int i = 1; i < v.length; i++) {
                String param = init.names().get(i);
                Object value = v[i];
                boolean isDefault = switch (param) {
                    case "reduction" -> true;
                    case "ignore_index" -> Values.isInteger(value);
                    case "label_smoothing" -> Values.isNumber(value);
                    case "weight" -> value == PyNone.NONE || value instanceof Tensor;
                    default -> value == PyNone.NONE;
                };
                if (!isDefault) {
                    throw new Unsupported("'nn." + name + "(" + param + "=...)'");
                }
                if (!param.equals("size_average") && !param.equals("reduce")) {
                    self.setOwn(param, value);
                }
            }
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of(name + ".forward", "self", REQUIRED, "input", REQUIRED, "target", REQUIRED)
                    .bind(a);
            return fn.apply(NnLayers.input(v[1], name), target(v[2], name), self(a));
        });
        return c;
    }

    private static Tensor target(Object v, String name) {
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type(name + "(): argument 'target' (position 2) must be Tensor, not " + Values.typeName(v));
    }
}
