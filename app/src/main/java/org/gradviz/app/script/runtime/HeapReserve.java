package org.gradviz.app.script.runtime;

/**
 * A little heap held back while programs run, let go when the heap runs out so that the program's
 * {@code MemoryError} and its traceback can still be made and printed; taken back when the next program starts.
 */
final class HeapReserve {
    private static final int BYTES = 8 * 1024 * 1024;

    private static volatile byte[] reserve = new byte[BYTES];

    private HeapReserve() {
    }

    /** Lets go of the reserve: the heap is full. */
    static void release() {
        reserve = null;
    }

    /** Holds the reserve again, when the heap has room for it (after a run that filled it, it may not yet). */
    static void restore() {
        if (reserve == null) {
            try {
                reserve = new byte[BYTES];
            } catch (OutOfMemoryError e) {
                // NOTE: still full: the next run goes without a reserve, and a MemoryError is reported all the same
            }
        }
    }
}
