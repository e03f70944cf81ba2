package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * {@code a < b}, {@code a == b}, ...: a bool tensor over the broadcast shape, compared in the operands' promoted
 * type (a Python number is first rounded to it, as torch does). A comparison has no gradient, so nothing is recorded.
 */
public final class Comparison {

    /** The six comparisons, by their Python operator. */
    public enum Kind {
        LT, LE, GT, GE, EQ, NE;

        boolean test(double x, double y) {
            return switch (this) {
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                case EQ -> x == y;
                case NE -> x != y;
            };
        }
    }

    private Comparison() {
    }

    public static Tensor compare(Tensor a, Tensor b, Kind kind) {
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        DType common = Broadcast.resultType(a, b);
        double[] values = Broadcast.map(a, b, shape, common, (x, y) -> kind.test(x, y) ? 1 : 0);
        Tensor out = Tensor.fromData(shape, DType.BOOL, values);
        // NOTE: a bool result carries no gradient, so a comparison never records.
        return Autograd.record(kind.name().toLowerCase(java.util.Locale.ROOT), out, null, a, b);
    }
}
