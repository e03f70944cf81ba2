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
 * {@code a % b} ({@code torch.remainder}, the sign of b, as Python's) and {@code torch.fmod} (the sign of a, as C's),
 * as torch 1.13's CPU kernels: fmod exactly, then b added to a non-zero remainder whose sign differs from b's (in the
 * dtype); for integers C's {@code %}, and a zero divisor is torch's "ZeroDivisionError". By a number (the Scalar
 * overloads) the node is RemainderBackward0/FmodBackward0 with the gradient passed to a; by a tensor it is
 * RemainderBackward1/FmodBackward1, whose other gradient is -grad·(a / b rounded down, or towards 0 for fmod).
 */
public final class Remainder {
    private Remainder() {
    }

    public static Tensor remainder(Tensor a, Tensor b) {
        return record("remainder", "RemainderBackward", "floor", a, b, compute(a, b, true));
    }

    public static Tensor fmod(Tensor a, Tensor b) {
        return record("fmod", "FmodBackward", "trunc", a, b, compute(a, b, false));
    }

    private static Tensor compute(Tensor a, Tensor b, boolean pythonSign) {
        DType dtype = Broadcast.resultType(a, b);
        if (dtype == DType.BOOL) {
            throw TorchException.runtime("\"" + (pythonSign ? "remainder" : "fmod")
                    + "_cpu\" not implemented for 'Bool'");
        }
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        double[] x = dtype.roundAll(Broadcast.expand(a, shape));
        double[] y = dtype.roundAll(Broadcast.expand(b, shape));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            if (!dtype.isFloatingPoint() && y[i] == 0) {
                throw TorchException.runtime("ZeroDivisionError");
            }
            double mod = dtype.isFloatingPoint() ? x[i] % y[i] : (double) ((long) x[i] % (long) y[i]);
            if (pythonSign && mod != 0 && (y[i] < 0) != (mod < 0)) {
                mod = dtype.round(mod + y[i]);
            }
            r[i] = mod;
        }
        return Tensor.fromData(shape, dtype, r);
    }

    private static Tensor record(String op, String node, String rounding, Tensor a, Tensor b, Tensor out) {
        if (b.isWrappedNumber()) {
            return Autograd.record(op, out, () -> new PassThroughBackward(node + "0"), new Tensor[] {a},
                    new Tensor[] {a});
        }
        return Autograd.record(op, out, () -> new ByTensorBackward(node + "1", rounding, a, b), new Tensor[] {a, b},
                new Tensor[] {a, b});
    }


    /** self: grad; other: -grad · div(self, other, rounding_mode), each summed to its operand's shape. */
    static final class ByTensorBackward extends Node {
        private final String name;
        private final String rounding;
        private final SavedTensor self;
        private final SavedTensor other;
        private final Shape selfShape;
        private final Shape otherShape;

        ByTensorBackward(String name, String rounding, Tensor a, Tensor b) {
            this.name = name;
            this.rounding = rounding;
            this.self = save(a);
            this.other = save(b);
            this.selfShape = a.shape();
            this.otherShape = b.shape();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor quotient = RoundingDivision.div(self.unpack(), other.unpack(), rounding);
            Tensor otherGrad = Arithmetic.mul(Arithmetic.neg(g), quotient);
            return new Tensor[] {Broadcast.sumTo(g, selfShape, g.dtype()),
                Broadcast.sumTo(otherGrad, otherShape, otherGrad.dtype())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("other", other);
            out.put("self", self);
        }
    }
}
