package org.gradviz.app.script.runtime;

import java.util.Arrays;

/**
 * Sizes a program asks a tensor factory for, as torch's int64 sizes, made Java ints: sizes whose storage torch
 * could not even count, or that no Java array can hold, fail with torch's RuntimeError for them.
 */
final class TensorSizes {

    /** Bytes of an element of the default dtype, float32, as torch counts a storage. */
    private static final long ELEMENT_BYTES = 4;

    private TensorSizes() {
    }

    /** {@code dims} as ints; every dim is already known not to be negative. */
    static int[] toInts(long... dims) {
        long bytes = ELEMENT_BYTES;
        boolean overflow = false;
        for (long d : dims) {
            try {
                bytes = Math.multiplyExact(bytes, d);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow) {
            throw new PyError("RuntimeError", "Storage size calculation overflowed with sizes="
                    + Arrays.toString(dims));
        }
        if (bytes / ELEMENT_BYTES > Integer.MAX_VALUE - 8) {
            // NOTE: torch would ask the allocator for the bytes and fail as here on any machine without them
            throw new PyError("RuntimeError", "[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: "
                    + "can't allocate memory: you tried to allocate " + bytes + " bytes. Error code 12 (Cannot "
                    + "allocate memory)");
        }
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = (int) dims[i];
        }
        return out;
    }

    /** {@code torch.eye(n, m)}'s sizes: torch counts n * m first, with its own error when that overflows. */
    static int[] eye(long n, long m) {
        if (n < 0 || m < 0) {
            throw new PyError("RuntimeError", (n < 0 ? "n" : "m") + " must be greater or equal to 0, got "
                    + (n < 0 ? n : m));
        }
        try {
            Math.multiplyExact(n, m);
        } catch (ArithmeticException e) {
            throw new PyError("RuntimeError", "numel: integer multiplication overflow");
        }
        return toInts(n, m);
    }
}
