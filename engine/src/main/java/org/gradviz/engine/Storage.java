package org.gradviz.engine;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The storage of a new tensor, checked before it is allocated: sizes whose byte count overflows, or that no heap of
 * this Java can hold, get torch's own errors instead of a Java {@code OutOfMemoryError}. Float32 elements are held as
 * floats (4 bytes each), every other dtype as doubles (8 bytes); the errors count bytes as torch does
 * ({@link DType#itemSize()}).
 */
public final class Storage {
    /** The longest Java array: a few words less than {@code Integer.MAX_VALUE}. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final long BYTES_PER_ELEMENT = Double.BYTES;

    private Storage() {
    }

    /**
     * The shape of a new tensor of {@code sizes} (none negative), or torch's error when its storage cannot be had (see
     * {@link #numel}).
     */
    public static Shape shapeOf(long[] sizes, DType dtype) {
        numel(sizes, dtype);
        for (long size : sizes) {
            // NOTE: only reachable with no elements at all (torch.randn(10**18, 0)): torch makes that tensor
            if (size > Integer.MAX_VALUE) {
                throw new NotSupportedException("a dimension of " + size + " (more than 2**31 - 1)");
            }
        }
        return Shape.of(Arrays.stream(sizes).mapToInt(Math::toIntExact).toArray());
    }

    /**
     * The element count of {@code sizes}, or torch's error: {@code Storage size calculation overflowed with
     * sizes=[...]} when the byte count overflows, as {@code computeStorageNbytesContiguous} finds it, else the
     * allocator's error when no Java array or heap of this Java can hold it.
     */
    static long numel(long[] sizes, DType dtype) {
        long numel = 1;
        boolean overflowed = false;
        for (long size : sizes) {
            // NOTE: torch multiplies left to right and remembers an overflow, so a 0 after one comes too late
            overflowed |= Math.multiplyHigh(numel, size) != 0 || numel * size < 0;
            numel *= size;
        }
        overflowed |= Math.multiplyHigh(numel, dtype.itemSize()) != 0 || numel * dtype.itemSize() < 0;
        if (overflowed) {
            throw TorchException.runtime("Storage size calculation overflowed with sizes=" + listText(sizes));
        }
        if (numel > MAX_ELEMENTS || numel * heldBytes(dtype) > Heap.max()) {
            throw cannotAllocate(numel, dtype);
        }
        return numel;
    }

    /**
     * {@code torch.eye(n, m)}'s shape: torch's errors for a negative size or an element count beyond a long
     * ({@code numel: integer multiplication overflow}), then as {@link #shapeOf}.
     */
    public static Shape eyeShapeOf(long n, long m, DType dtype) {
        if (n < 0) {
            throw TorchException.runtime("n must be greater or equal to 0, got " + n);
        }
        if (m < 0) {
            throw TorchException.runtime("m must be greater or equal to 0, got " + m);
        }
        if (Math.multiplyHigh(n, m) != 0 || n * m < 0) {
            throw TorchException.runtime("numel: integer multiplication overflow");
        }
        return shapeOf(new long[] {n, m}, dtype);
    }

    /** The bytes gradviz holds an element of {@code dtype} in. */
    private static long heldBytes(DType dtype) {
        return dtype == DType.FLOAT32 ? Float.BYTES : BYTES_PER_ELEMENT;
    }

    /**
     * Zeroed storage for a tensor of {@code shape} held as doubles; torch's allocator error when the heap cannot hold it
     * now.
     */
    public static double[] allocate(Shape shape, DType dtype) {
        return allocate(shape, dtype, BYTES_PER_ELEMENT, double[]::new);
    }

    /** Zeroed float32 storage for a tensor of {@code shape}, or torch's allocator error as {@link #allocate}. */
    public static float[] allocateFloats(Shape shape) {
        return allocate(shape, DType.FLOAT32, Float.BYTES, float[]::new);
    }

    private static <T> T allocate(Shape shape, DType dtype, long bytesPerElement, IntFunction<T> array) {
        if (shape.numel() * bytesPerElement > Heap.max()) {
            throw cannotAllocate(shape.numel(), dtype);
        }
        try {
            return array.apply(shape.numel());
        } catch (OutOfMemoryError e) {
            // NOTE: one array that did not fit after a full collection: nothing else was half done, so carrying on is safe
            throw cannotAllocate(shape.numel(), dtype);
        }
    }

    /** Whether a tensor of {@code numel} elements could be allocated in the heap that is left now. */
    public static boolean fitsNow(long numel) {
        return numel <= MAX_ELEMENTS && numel * BYTES_PER_ELEMENT <= Heap.available();
    }

    /** What the heap has room for, for messages: {@code 33554432 (256 MB free of 512 MB)}, at 8 bytes an element. */
    public static String heapText() {
        long available = Math.max(0, Heap.available());
        return Math.min(MAX_ELEMENTS, available / BYTES_PER_ELEMENT) + " (" + megabytes(available) + " MB free of "
                + megabytes(Heap.max()) + " MB)";
    }

    /** Megabytes as {@code -Xmx} counts them (2^20 bytes). */
    private static long megabytes(long bytes) {
        return bytes >> 20;
    }

    /** The bytes torch would allocate for {@code numel} elements of {@code dtype}. */
    public static long torchBytes(long numel, DType dtype) {
        return numel * dtype.itemSize();
    }

    /** torch's CPU allocator failing, with the bytes torch would have asked for. */
    private static TorchException cannotAllocate(long numel, DType dtype) {
        return TorchException.runtime("[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate"
                + " memory: you tried to allocate " + torchBytes(numel, dtype) + " bytes. Error code 12 (Cannot allocate"
                + " memory)");
    }

    private static String listText(long[] sizes) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(sizes[i]);
        }
        return sb.append(']').toString();
    }
}
