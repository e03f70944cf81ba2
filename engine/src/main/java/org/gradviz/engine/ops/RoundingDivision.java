package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code torch.div(a, b, rounding_mode=...)}: the quotient rounded towards -∞ ('floor', as {@code //}), towards 0
 * ('trunc') or not at all (None), recorded as DivBackward2, whose gradients are zero when the quotient is rounded.
 */
public final class RoundingDivision {
    private RoundingDivision() {
    }

    /** @param mode "floor", "trunc", or null for true division */
    public static Tensor div(Tensor a, Tensor b, String mode) {
        if (mode != null && !mode.equals("floor") && !mode.equals("trunc")) {
            throw TorchException.runtime("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '"
                    + mode + "'");
        }
        Tensor out;
        if (mode == null) {
            out = Autograd.quietly(() -> Arithmetic.div(a, b));
        } else if (mode.equals("floor")) {
            out = Autograd.quietly(() -> Logical.floorDivide(a, b));
        } else {
            out = trunc(a, b);
        }
        Tensor result = out;
        return Autograd.record("div", result, () -> new DivBackward2(a, b, mode), new Tensor[] {a, b},
                new Tensor[] {a, b});
    }

    private static Tensor trunc(Tensor a, Tensor b) {
        DType dtype = Broadcast.resultType(a, b);
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        double[] x = dtype.roundAll(Broadcast.expand(a, shape));
        double[] y = dtype.roundAll(Broadcast.expand(b, shape));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            if (dtype.isFloatingPoint()) {
                double q = dtype == DType.FLOAT32 ? (float) x[i] / (float) y[i] : x[i] / y[i];
                r[i] = q < 0 ? Math.ceil(q) : Math.floor(q);
                if (Double.isNaN(q) || Double.isInfinite(q)) {
                    r[i] = q;
                }
            } else {
                if (y[i] == 0) {
                    throw TorchException.runtime("ZeroDivisionError");
                }
                r[i] = (long) x[i] / (long) y[i];
            }
        }
        return Tensor.fromData(shape, dtype, r);
    }

    /** Rounded: zero gradients. True division: grad / b and -grad·((a / b) / b). */
    static final class DivBackward2 extends Node {
        private final SavedTensor self;
        private final SavedTensor other;
        private final InputMeta selfMeta;
        private final InputMeta otherMeta;
        private final String mode;

        DivBackward2(Tensor a, Tensor b, String mode) {
            this.self = save(a);
            this.other = save(b);
            this.selfMeta = InputMeta.of(a);
            this.otherMeta = InputMeta.of(b);
            this.mode = mode;
        }

        @Override
        public String name() {
            return "DivBackward2";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            if (mode != null) {
                return new Tensor[] {
                    needsInputGrad(0) ? zeros(selfMeta) : null,
                    needsInputGrad(1) ? zeros(otherMeta) : null,
                };
            }
            Tensor a = self.unpack();
            Tensor b = other.unpack();
            return new Tensor[] {
                needsInputGrad(0) ? selfMeta.reduce(Arithmetic.elementwise(g, b, BasicOp.DIV)) : null,
                needsInputGrad(1) ? otherMeta.reduce(Pointwise.negated(Arithmetic.elementwise(g,
                        Arithmetic.elementwise(Arithmetic.elementwise(a, b, BasicOp.DIV), b, BasicOp.DIV),
                        BasicOp.MUL))) : null,
            };
        }

        private static Tensor zeros(InputMeta meta) {
            return Tensor.fromData(meta.shape(), meta.dtype(), new double[meta.shape().numel()]);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("rounding_mode", mode);
            out.put("self", self);
        }
    }
}
