package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.where(condition, self, other)}: self where the bool condition holds, else other, broadcast; and
 * {@code masked_fill}, the same with a number for other.
 */
public final class Where {
    private Where() {
    }

    public static Tensor where(Tensor condition, Tensor self, Tensor other) {
        Shape shape = Broadcast.shapes(condition.shape(), Broadcast.shapes(self.shape(), other.shape()));
        DType dtype = Broadcast.torchResultType(self, other); // where(c, 2.5, 2.5) is float32
        double[] c = Broadcast.expand(condition, shape);
        double[] a = dtype.roundAll(Broadcast.expand(self, shape));
        double[] b = dtype.roundAll(Broadcast.expand(other, shape));
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i] != 0 ? a[i] : b[i];
        }
        Tensor out = Tensor.fromData(shape, dtype, c);
        return Autograd.record("where", out, () -> new WhereBackward0(condition, self, other),
                new Tensor[] {null, self, other}, new Tensor[] {condition, self, other});
    }

    /** d/d self = where(condition, grad, 0), d/d other = where(condition, 0, grad), each summed to its shape. */
    static final class WhereBackward0 extends Node {
        private final SavedTensor condition;
        private final InputMeta selfMeta;
        private final InputMeta otherMeta;

        WhereBackward0(Tensor condition, Tensor self, Tensor other) {
            this.condition = save(condition);
            this.selfMeta = InputMeta.of(self);
            this.otherMeta = InputMeta.of(other);
        }

        @Override
        public String name() {
            return "WhereBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            Tensor c = condition.unpack();
            Tensor zero = zero(g.dtype());
            return new Tensor[] {
                null,
                needsInputGrad(1) ? selfMeta.reduceRecorded(where(c, g, zero)) : null,
                needsInputGrad(2) ? otherMeta.reduceRecorded(where(c, zero, g)) : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("condition", condition);
        }
    }

    /** A 0-d zero of {@code dtype}: the other side of a where in a chain rule ({@code at::zeros({})}). */
    static Tensor zero(DType dtype) {
        return Tensor.fromData(Shape.SCALAR, dtype, new double[1]);
    }

    /** {@code self.masked_fill(mask, value)} for a mask that broadcasts to self's shape. */
    public static Tensor maskedFill(Tensor self, Tensor mask, double value) {
        double[] m = Broadcast.expand(mask, self.shape());
        double[] r = self.data().clone();
        double v = self.dtype().round(value);
        for (int i = 0; i < r.length; i++) {
            if (m[i] != 0) {
                r[i] = v;
            }
        }
        Tensor out = Tensor.fromData(self.shape(), self.dtype(), r);
        return Autograd.record("masked_fill", out, () -> new MaskedFillBackward0(mask), new Tensor[] {self},
                new Tensor[] {self, mask});
    }

    /** d/d self = grad.masked_fill(mask, 0). */
    static final class MaskedFillBackward0 extends Node {
        private final SavedTensor mask;

        MaskedFillBackward0(Tensor mask) {
            this.mask = save(mask);
        }

        @Override
        public String name() {
            return "MaskedFillBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {maskedFill(grads[0], mask.unpack(), 0)};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("mask", mask);
        }
    }

    /**
     * {@code self.masked_fill(mask, value)} for a 0-d tensor value (as evenly_distribute_backward fills its zeros):
     * MaskedFillBackward1, whose value gets the sum of the gradient where the mask holds.
     */
    static Tensor maskedFill(Tensor self, Tensor mask, Tensor value) {
        double[] m = Broadcast.expand(mask, self.shape());
        double[] r = self.data().clone();
        double v = self.dtype().round(value.item());
        for (int i = 0; i < r.length; i++) {
            if (m[i] != 0) {
                r[i] = v;
            }
        }
        Tensor out = Tensor.fromData(self.shape(), self.dtype(), r);
        return Autograd.record("masked_fill", out, () -> new MaskedFillBackward1(mask, value),
                new Tensor[] {self, value}, new Tensor[] {self, mask, value});
    }

    /**
     * d/d self = grad.masked_fill(mask, 0); d/d value = grad.masked_select(mask).sum(). Its own chain rule is not
     * recorded (a third derivative through max() is refused by name).
     */
    static final class MaskedFillBackward1 extends Node {
        private final SavedTensor mask;
        private final InputMeta valueMeta;

        MaskedFillBackward1(Tensor mask, Tensor value) {
            this.mask = save(mask);
            this.valueMeta = InputMeta.of(value);
        }

        @Override
        public String name() {
            return "MaskedFillBackward1";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            double[] m = Broadcast.expand(mask.unpack(), g.shape());
            double[] gv = g.data();
            double[] picked = new double[gv.length];
            int n = 0;
            for (int i = 0; i < gv.length; i++) {
                if (m[i] != 0) {
                    picked[n++] = gv[i];
                }
            }
            Tensor selected = Tensor.fromData(Shape.of(n), g.dtype(), java.util.Arrays.copyOf(picked, n));
            return new Tensor[] {
                needsInputGrad(0) ? maskedFill(g, mask.unpack(), 0) : null,
                needsInputGrad(1) ? valueMeta.reduce(Reductions.sum(selected)) : null,
            };
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("mask", mask);
        }
    }
}
