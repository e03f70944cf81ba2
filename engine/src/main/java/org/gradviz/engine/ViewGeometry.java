package org.gradviz.engine;

/**
 * Where a view's elements are in its storage: a shape, a stride per dimension and an offset, all in elements, as
 * PyTorch's strided tensors have them.
 */
final class ViewGeometry {
    private ViewGeometry() {
    }

    /**
     * torch's {@code is_contiguous}: the elements one after the other in row-major order (dimensions of size 1 may
     * have any stride).
     */
    static boolean isContiguous(Shape shape, int[] strides) {
        if (shape.numel() == 0) {
            return true;
        }
        long expected = 1;
        for (int d = shape.rank() - 1; d >= 0; d--) {
            if (shape.dim(d) != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= shape.dim(d);
            }
        }
        return true;
    }

    /** Whether two elements of the view are one element of the storage, as torch sees it (a stride 0 of size > 1). */
    static boolean overlaps(Shape shape, int[] strides) {
        for (int d = 0; d < shape.rank(); d++) {
            if (shape.dim(d) > 1 && strides[d] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The storage position of every element of the view, in row-major order. */
    static int[] positions(Shape shape, int[] strides, int offset) {
        int n = shape.numel();
        int[] out = new int[n];
        int rank = shape.rank();
        if (n == 0) {
            return out;
        }
        if (rank == 0) {
            out[0] = offset;
            return out;
        }
        int last = rank - 1;
        int size = shape.dim(last);
        int stride = strides[last];
        int[] counter = new int[rank];
        int position = offset;
        for (int i = 0; i < n; i += size) {
            for (int j = 0; j < size; j++) {
                out[i + j] = position + j * stride;
            }
            for (int d = last - 1; d >= 0; d--) {
                counter[d]++;
                position += strides[d];
                if (counter[d] < shape.dim(d)) {
                    break;
                }
                position -= strides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return out;
    }

    /**
     * torch's {@code computeStride}: the strides that view a tensor of {@code oldShape} and {@code oldStrides} as
     * {@code newShape} over the same storage, or null when no strides can (a dimension of the view would span two
     * separate runs of the tensor).
     */
    static int[] computeStride(Shape oldShape, int[] oldStrides, Shape newShape) {
        int newRank = newShape.rank();
        int[] newStrides = new int[newRank];
        if (oldShape.rank() == 0) {
            java.util.Arrays.fill(newStrides, 1);
            return newStrides;
        }
        long numel = oldShape.numel();
        if (numel == 0 && oldShape.equals(newShape)) {
            return oldStrides.clone();
        }
        if (numel == 0) {
            for (int d = newRank - 1; d >= 0; d--) {
                newStrides[d] = d == newRank - 1 ? 1 : Math.max(newShape.dim(d + 1), 1) * newStrides[d + 1];
            }
            return newStrides;
        }
        int viewD = newRank - 1;
        long chunkBaseStride = oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.rank() - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape.dim(tensorD);
            if (tensorD == 0 || oldShape.dim(tensorD - 1) != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape.dim(viewD) == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape.dim(viewD);
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD != -1 ? null : newStrides;
    }
}
