package org.gradviz.engine.ops;

/**
 * The order in which torch 1.13's TensorIterator walks a reduction's input on the CPU (one thread): its dimensions
 * sorted as {@code reorder_dimensions} sorts them (the reduced ones first, since the output's stride is 0 there; then
 * by the output's and the input's strides, smallest first), and whether, once {@code coalesce_dimensions} has merged
 * the neighbours that are contiguous, what is reduced is a single run of elements one after the other in memory
 * ({@code is_reduce_lastdim}, which lets some kernels take a vectorised path).
 *
 * @param walk the reduced dimensions, fastest first: each result's elements are visited in this odometer order
 * @param reducesOneRun true when the reduction is one unit-stride run of more than one element
 */
record ReductionOrder(int[] walk, boolean reducesOneRun) {

    /** The order for an input of {@code sizes} and {@code strides} (in elements) reduced over {@code reduced}. */
    static ReductionOrder of(int[] sizes, int[] strides, boolean[] reduced) {
        int rank = sizes.length;
        long[][] operandStrides = {outputStrides(sizes, reduced), toLongs(strides)};
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) {
            perm[i] = rank - 1 - i;
        }
        // insertion sort with ambiguous comparisons, as TensorIteratorBase::reorder_dimensions
        for (int i = 1; i < rank; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(perm[dim0], perm[dim1], sizes, operandStrides);
                if (comparison > 0) {
                    int t = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = t;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        int count = 0;
        for (boolean r : reduced) {
            count += r ? 1 : 0;
        }
        int[] walk = new int[count];
        int k = 0;
        for (int d : perm) {
            if (reduced[d]) {
                walk[k++] = d;
            }
        }
        return new ReductionOrder(walk, reducesOneRun(perm, sizes, operandStrides));
    }

    /** The output's strides seen at the input's rank: 0 where reduced, contiguous over the kept dimensions. */
    private static long[] outputStrides(int[] sizes, boolean[] reduced) {
        long[] out = new long[sizes.length];
        long step = 1;
        for (int d = sizes.length - 1; d >= 0; d--) {
            if (!reduced[d]) {
                out[d] = step;
                step *= Math.max(sizes[d], 1);
            }
        }
        return out;
    }

    /** TensorIteratorBase's {@code should_swap}: positive to put {@code dim1} before (faster than) {@code dim0}. */
    private static int shouldSwap(int dim0, int dim1, int[] sizes, long[][] operandStrides) {
        for (int arg = 0; arg < operandStrides.length; arg++) {
            long stride0 = operandStrides[arg][dim0];
            long stride1 = operandStrides[arg][dim1];
            // the output (operand 0) moves its reduced dimensions, stride 0, to the front
            if (arg == 0 && (stride0 == 0) != (stride1 == 0)) {
                return stride1 == 0 ? 1 : -1;
            }
            if (stride0 == 0 || stride1 == 0) {
                continue;
            }
            if (stride0 != stride1) {
                return stride0 < stride1 ? -1 : 1;
            }
            if (sizes[dim0] > sizes[dim1]) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * {@code coalesce_dimensions} then {@code is_reduce_lastdim}: one reduced dimension left, the first, of more than
     * one element, unit stride in the input.
     */
    private static boolean reducesOneRun(int[] perm, int[] sizes, long[][] operandStrides) {
        int rank = perm.length;
        if (rank == 0) {
            return false;
        }
        long[] shape = new long[rank];
        long[][] strides = new long[operandStrides.length][rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = sizes[perm[i]];
            for (int arg = 0; arg < strides.length; arg++) {
                strides[arg][i] = operandStrides[arg][perm[i]];
            }
        }
        int prev = 0;
        for (int dim = 1; dim < rank; dim++) {
            if (canCoalesce(prev, dim, shape, strides)) {
                if (shape[prev] == 1) {
                    replaceStride(prev, dim, strides);
                }
                shape[prev] *= shape[dim];
            } else {
                prev++;
                if (prev != dim) {
                    replaceStride(prev, dim, strides);
                    shape[prev] = shape[dim];
                }
            }
        }
        int reducedDims = 0;
        for (int dim = 0; dim <= prev; dim++) {
            reducedDims += strides[0][dim] == 0 ? 1 : 0;
        }
        return reducedDims == 1 && strides[0][0] == 0 && shape[0] > 1 && strides[1][0] == 1;
    }

    private static boolean canCoalesce(int dim0, int dim1, long[] shape, long[][] strides) {
        if (shape[dim0] == 1 || shape[dim1] == 1) {
            return true;
        }
        for (long[] s : strides) {
            if (shape[dim0] * s[dim0] != s[dim1]) {
                return false;
            }
        }
        return true;
    }

    private static void replaceStride(int dim0, int dim1, long[][] strides) {
        for (long[] s : strides) {
            s[dim0] = s[dim1];
        }
    }

    private static long[] toLongs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
