package org.gradviz.engine.ops;

import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * The bitwise functions of bool and integer tensors ({@code &}, {@code |}, {@code ^}, {@code <<}, {@code >>},
 * {@code ~}), broadcast, in torch's result type. They have no derivative and never record. As torch 1.13's CPU
 * kernels compute them in C++: a type of at most 32 bits is shifted as a 32-bit int and cut back to its width, int64
 * as a 64-bit one, and the shift count is taken modulo that width, as the CPU's shift instructions do ({@code 5 << 70}
 * is {@code 5 << 6}; a negative count is its low bits).
 */
public final class Bitwise {

    /** A bitwise binary function, with the name torch's "not implemented" error gives its CPU kernel. */
    public enum Op {
        AND("bitwise_and_cpu"), OR("bitwise_or_cpu"), XOR("bitwise_xor_cpu"), LEFT_SHIFT("lshift_cpu"),
        RIGHT_SHIFT("rshift_cpu");

        private final String kernel;

        Op(String kernel) {
            this.kernel = kernel;
        }

        /** The op's name for listeners: {@code bitwise_and}, ..., {@code bitwise_left_shift}. */
        String torchName() {
            return "bitwise_" + name().toLowerCase(java.util.Locale.ROOT);
        }

        private boolean isShift() {
            return this == LEFT_SHIFT || this == RIGHT_SHIFT;
        }

        /** The function on two values of {@code dtype}, as longs; the caller cuts the result to the dtype. */
        private long apply(long x, long y, DType dtype) {
            boolean wide = dtype == DType.INT64;
            return switch (this) {
                case AND -> x & y;
                case OR -> x | y;
                case XOR -> x ^ y;
                // NOTE: Java masks a long's shift count to 6 bits and an int's to 5, as x86's shl/sar do
                case LEFT_SHIFT -> wide ? x << y : (long) ((int) x << (int) y);
                case RIGHT_SHIFT -> wide ? x >> y : (long) ((int) x >> (int) y);
            };
        }
    }

    private Bitwise() {
    }

    /** {@code torch.bitwise_and(a, b)} and the others: element-wise on the broadcast shape. */
    public static Tensor apply(Op op, Tensor a, Tensor b) {
        DType dtype = Broadcast.resultType(a, b);
        if (dtype.isFloatingPoint() || op.isShift() && dtype == DType.BOOL) {
            throw notImplemented(op.kernel, dtype);
        }
        Shape shape = Broadcast.shapes(a.shape(), b.shape());
        double[] x = dtype.roundAll(Broadcast.expand(a, shape));
        double[] y = dtype.roundAll(Broadcast.expand(b, shape));
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = dtype.round(op.apply((long) x[i], (long) y[i], dtype));
        }
        return Autograd.record(op.torchName(), Tensor.fromData(shape, dtype, r), null, a, b);
    }

    /** {@code torch.bitwise_not(a)}: {@code ~x} of an integer, {@code not x} of a bool. */
    public static Tensor not(Tensor a) {
        DType dtype = a.dtype();
        if (dtype.isFloatingPoint()) {
            throw notImplemented("bitwise_not_cpu", dtype);
        }
        double[] x = a.data();
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = dtype == DType.BOOL ? (x[i] != 0 ? 0 : 1) : dtype.round(~(long) x[i]);
        }
        return Autograd.record("bitwise_not", Tensor.fromData(a.shape(), dtype, r), null, a);
    }

    private static TorchException notImplemented(String kernel, DType dtype) {
        return TorchException.runtime("\"" + kernel + "\" not implemented for '" + dtype.scalarTypeName() + "'");
    }
}
