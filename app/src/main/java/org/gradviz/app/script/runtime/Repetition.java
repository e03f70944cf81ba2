package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code sequence * n} for a str, list or tuple, with CPython's checks made before any work: a count beyond an index
 * is OverflowError, a result longer than an index can count is OverflowError (str) or MemoryError (list, tuple),
 * and a result this process has no room for is MemoryError, as CPython's failed allocation.
 */
final class Repetition {

    /** The longest Java array or string. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Bytes a list slot takes at most (a reference). */
    private static final long BYTES_PER_SLOT = 8;
    /** Bytes a UTF-16 unit of a string takes at most. */
    private static final long BYTES_PER_CHAR = 2;

    private Repetition() {
    }

    static Object of(Object sequence, Object count) {
        long n = Ints.index(count, "OverflowError");
        if (sequence instanceof String s) {
            return string(s, n);
        }
        List<?> items = Values.items(sequence);
        List<Object> out = n <= 0 || items.isEmpty() ? new ArrayList<>() : repeated(items, n);
        return sequence instanceof PyTuple ? new PyTuple(out) : out;
    }

    private static String string(String s, long n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        if (s.codePointCount(0, s.length()) > Long.MAX_VALUE / n) {
            throw new PyError("OverflowError", "repeated string is too long");
        }
        requireRoom(s.length(), n, BYTES_PER_CHAR);
        return s.repeat((int) n);
    }

    private static List<Object> repeated(List<?> items, long n) {
        if (items.size() > Long.MAX_VALUE / n) {
            throw memoryError();
        }
        requireRoom(items.size(), n, BYTES_PER_SLOT);
        List<Object> out = new ArrayList<>((int) (items.size() * n));
        if (items.size() == 1) {
            out.addAll(Collections.nCopies((int) n, items.get(0)));
            return out;
        }
        for (long i = 0; i < n; i++) {
            out.addAll(items);
        }
        return out;
    }

    /** MemoryError unless {@code length * n} elements fit one Java array and the memory the heap has left. */
    private static void requireRoom(long length, long n, long bytesPerElement) {
        long elements = length * n;
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (elements > MAX_ELEMENTS || elements > free / bytesPerElement) {
            throw memoryError();
        }
    }

    private static PyError memoryError() {
        return new PyError("MemoryError", "");
    }
}
