package org.gradviz.engine;

import java.util.Arrays;
import java.util.List;

/** The sizes of a tensor's dimensions, immutable; prints as PyTorch's {@code torch.Size([5, 3])}. */
public final class Shape {
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int numel;

    private Shape(int[] dims) {
        this.dims = dims;
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw TorchException.runtime("Trying to create tensor with negative dimension " + d + ": "
                        + Arrays.toString(dims));
            }
            n = Math.min(n * d, Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        // NOTE: sizes an op combines (broadcasting) can hold more than one Java array; the dtype is not known here, so
        // the error counts bytes as torch's default float32 does
        this.numel = n <= Integer.MAX_VALUE ? (int) n
                : (int) Storage.numel(Arrays.stream(dims).asLongStream().toArray(), DType.defaultFloat());
    }

    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    public static Shape of(List<Integer> dims) {
        return of(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    public int[] dims() {
        return dims.clone();
    }

    public int numel() {
        return numel;
    }

    /** Row-major strides in elements. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Wraps a possibly negative dimension index into range, with PyTorch's IndexError otherwise. */
    public int normalizeDim(int dim) {
        return normalizeDim((long) dim);
    }

    /** {@link #normalizeDim(int)} of a dim as torch takes it, an int64: beyond the rank, the same IndexError. */
    public int normalizeDim(long dim) {
        int rank = Math.max(dims.length, 1);
        if (dim < -rank || dim >= rank) {
            throw TorchException.index("Dimension out of range (expected to be in range of [" + (-rank) + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        return (int) (dim < 0 ? dim + rank : dim);
    }

    /** This shape without dimension {@code dim}, or with it set to 1 when {@code keepDim}. */
    public Shape reduce(int dim, boolean keepDim) {
        if (dims.length == 0) {
            return this;
        }
        if (keepDim) {
            int[] d = dims.clone();
            d[dim] = 1;
            return new Shape(d);
        }
        int[] d = new int[dims.length - 1];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (i != dim) {
                d[j++] = dims[i];
            }
        }
        return of(d);
    }

    /** The sizes as PyTorch's tuple text: {@code (5, 3)}, {@code (3,)}, {@code ()}. */
    public String tupleText() {
        if (dims.length == 1) {
            return "(" + dims[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(')').toString();
    }

    /** The sizes as a list text {@code [5, 3]}. */
    public String listText() {
        return Arrays.toString(dims);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code torch.Size([5, 3])}. */
    @Override
    public String toString() {
        return "torch.Size(" + listText() + ")";
    }
}
