package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Comparator;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.kernels.FloatArrays;

/**
 * The 2-norms {@code t.norm()} and {@code t.norm(dim=d)} compute, in torch 1.13's CPU kernel order. torch's iterator
 * walks the elements in memory order; a reduced run of float32 elements one after the other in memory (a dense whole
 * tensor, or a dimension of stride 1) goes through the vectorised last-dimension kernel ({@link VectorNorm}),
 * everything else (all float64, float32 with gaps) is squared and added element by element (NormTwoOps).
 */
final class NormTwoValues {
    private NormTwoValues() {
    }

    /** The norms in row-major order of the result; {@code dim} null for the whole tensor. */
    static double[] of(Tensor a, Integer dim) {
        if (dim == null) {
            return new double[] {whole(a)};
        }
        int[] dims = a.shape().dims();
        int size = dims[dim];
        int outer = 1;
        for (int i = 0; i < dim; i++) {
            outer *= dims[i];
        }
        int inner = 1;
        for (int i = dim + 1; i < dims.length; i++) {
            inner *= dims[i];
        }
        boolean single = a.dtype() == DType.FLOAT32;
        boolean vectorised = single && a.strides()[dim] == 1;
        float[] floats = single ? a.floats() : null;
        double[] data = single ? null : a.data();
        double[] out = new double[outer * inner];
        float[] row = new float[size];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int from = o * size * inner + i;
                if (!single) {
                    out[o * inner + i] = VectorNorm.twoDouble(data, from, size, inner);
                } else if (!vectorised) {
                    out[o * inner + i] = VectorNorm.twoFloatStrided(floats, from, size, inner);
                } else {
                    for (int k = 0; k < size; k++) {
                        row[k] = floats[from + k * inner];
                    }
                    out[o * inner + i] = VectorNorm.twoFloat(row, 0, size);
                }
            }
        }
        return out;
    }

    /** The whole tensor's norm: its elements in memory order, through the last-dimension kernel if dense. */
    private static double whole(Tensor a) {
        int n = a.numel();
        if (n == 0) {
            return 0;
        }
        int[] dims = a.shape().dims();
        int[] strides = a.strides();
        Integer[] order = new Integer[dims.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // fastest first, as TensorIterator reorders them; size-1 dimensions last (they do not move)
        Arrays.sort(order, Comparator.comparingLong(i -> dims[i] == 1 ? Long.MAX_VALUE : Math.abs((long) strides[i])));
        boolean dense = true;
        long expected = 1;
        for (int i : order) {
            if (dims[i] != 1) {
                dense &= strides[i] == expected;
                expected *= dims[i];
            }
        }
        double[] values = inMemoryOrder(a.data(), dims, order);
        if (a.dtype() != DType.FLOAT32) {
            return VectorNorm.twoDouble(values, 0, n, 1);
        }
        float[] floats = FloatArrays.narrowed(values);
        return dense ? VectorNorm.twoFloat(floats, 0, n) : VectorNorm.twoFloatStrided(floats, 0, n, 1);
    }

    /** The row-major {@code values} walked with dimension {@code order[0]} fastest. */
    private static double[] inMemoryOrder(double[] values, int[] dims, Integer[] order) {
        int rank = dims.length;
        int[] rowMajor = new int[rank];
        int step = 1;
        for (int d = rank - 1; d >= 0; d--) {
            rowMajor[d] = step;
            step *= dims[d];
        }
        double[] out = new double[values.length];
        int[] index = new int[rank];
        int at = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = values[at];
            for (int j = 0; j < rank; j++) {
                int d = order[j];
                if (++index[d] < dims[d]) {
                    at += rowMajor[d];
                    break;
                }
                at -= (index[d] - 1) * rowMajor[d];
                index[d] = 0;
            }
        }
        return out;
    }
}
