package org.gradviz.engine;

/** How much of the Java heap there is: the most it may grow to, and what is not in use now. */
public final class Heap {
    private Heap() {
    }

    /** The most the heap may grow to ({@code -Xmx}). */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /** What is left before the heap is full: its limit less what is in use now, garbage included. */
    public static long available() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}
