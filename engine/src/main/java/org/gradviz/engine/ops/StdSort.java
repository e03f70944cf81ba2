package org.gradviz.engine.ops;

/**
 * The C++ standard library's {@code std::sort}, {@code std::nth_element} and {@code std::partial_sort} as GCC's
 * libstdc++ implements them (introsort, introselect, heap select), on (key, index) pairs held in two parallel arrays.
 * torch's CPU sort ({@code stable=False}) and topk call these, so equal keys end in the order these algorithms leave
 * them: to give the same indices as torch, the same steps must be taken. NaN counts as the greatest key.
 */
final class StdSort {
    /** libstdc++'s {@code _S_threshold}: below it introsort stops partitioning and insertion sort finishes. */
    private static final int THRESHOLD = 16;

    private final double[] key;
    private final long[] index;
    private final boolean descending;
    /** The element taken out while others move: libstdc++'s {@code __val}/{@code __value}. */
    private double heldKey;
    private long heldIndex;

    /** Pairs (key[i], index[i]), ordered ascending or (with NaN first) descending. */
    StdSort(double[] key, long[] index, boolean descending) {
        this.key = key;
        this.index = index;
        this.descending = descending;
    }

    /** torch's KeyValueCompAsc / KeyValueCompDesc (and topk's lambdas): NaN is above every number. */
    static boolean less(double a, double b, boolean descending) {
        return descending ? (Double.isNaN(a) && !Double.isNaN(b)) || a > b
                : (!Double.isNaN(a) && Double.isNaN(b)) || a < b;
    }

    private boolean comp(int i, int j) {
        return less(key[i], key[j], descending);
    }

    private boolean compHeld(int j) {
        return less(heldKey, key[j], descending);
    }

    private boolean compToHeld(int j) {
        return less(key[j], heldKey, descending);
    }

    private void swap(int i, int j) {
        double k = key[i];
        key[i] = key[j];
        key[j] = k;
        long x = index[i];
        index[i] = index[j];
        index[j] = x;
    }

    private void move(int to, int from) {
        key[to] = key[from];
        index[to] = index[from];
    }

    private void hold(int i) {
        heldKey = key[i];
        heldIndex = index[i];
    }

    private void put(int i) {
        key[i] = heldKey;
        index[i] = heldIndex;
    }

    /** {@code std::__lg}: floor(log2(n)). */
    private static int lg(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    // ----- std::sort

    /** {@code std::sort(first, last)}. */
    void sort(int first, int last) {
        if (first != last) {
            introsortLoop(first, last, lg(last - first) * 2);
            finalInsertionSort(first, last);
        }
    }

    private void introsortLoop(int first, int last, int depthLimit) {
        // NOTE: libstdc++ recurses on the right part and loops on the left one; the depth limit is per call
        while (last - first > THRESHOLD) {
            if (depthLimit == 0) {
                partialSort(first, last, last);
                return;
            }
            --depthLimit;
            int cut = unguardedPartitionPivot(first, last);
            introsortLoop(cut, last, depthLimit);
            last = cut;
        }
    }

    private int unguardedPartitionPivot(int first, int last) {
        int mid = first + (last - first) / 2;
        moveMedianToFirst(first, first + 1, mid, last - 1);
        return unguardedPartition(first + 1, last, first);
    }

    private void moveMedianToFirst(int result, int a, int b, int c) {
        if (comp(a, b)) {
            if (comp(b, c)) {
                swap(result, b);
            } else if (comp(a, c)) {
                swap(result, c);
            } else {
                swap(result, a);
            }
        } else if (comp(a, c)) {
            swap(result, a);
        } else if (comp(b, c)) {
            swap(result, c);
        } else {
            swap(result, b);
        }
    }

    private int unguardedPartition(int first, int last, int pivot) {
        while (true) {
            while (comp(first, pivot)) {
                ++first;
            }
            --last;
            while (comp(pivot, last)) {
                --last;
            }
            if (!(first < last)) {
                return first;
            }
            swap(first, last);
            ++first;
        }
    }

    private void finalInsertionSort(int first, int last) {
        if (last - first > THRESHOLD) {
            insertionSort(first, first + THRESHOLD);
            for (int i = first + THRESHOLD; i != last; ++i) {
                unguardedLinearInsert(i);
            }
        } else {
            insertionSort(first, last);
        }
    }

    private void insertionSort(int first, int last) {
        if (first == last) {
            return;
        }
        for (int i = first + 1; i != last; ++i) {
            if (comp(i, first)) {
                hold(i);
                for (int j = i; j > first; j--) {
                    move(j, j - 1);
                }
                put(first);
            } else {
                unguardedLinearInsert(i);
            }
        }
    }

    private void unguardedLinearInsert(int last) {
        hold(last);
        int next = last - 1;
        while (compHeld(next)) {
            move(last, next);
            last = next;
            --next;
        }
        put(last);
    }

    // ----- std::nth_element

    /** {@code std::nth_element(first, nth, last)}. */
    void nthElement(int first, int nth, int last) {
        if (first == last || nth == last) {
            return;
        }
        int depthLimit = lg(last - first) * 2;
        while (last - first > 3) {
            if (depthLimit == 0) {
                heapSelect(first, nth + 1, last);
                swap(first, nth);
                return;
            }
            --depthLimit;
            int cut = unguardedPartitionPivot(first, last);
            if (cut <= nth) {
                first = cut;
            } else {
                last = cut;
            }
        }
        insertionSort(first, last);
    }

    // ----- std::partial_sort and the heap

    /** {@code std::partial_sort(first, middle, last)}: heap select, then sort the heap. */
    void partialSort(int first, int middle, int last) {
        heapSelect(first, middle, last);
        while (middle - first > 1) {
            --middle;
            popHeap(first, middle, middle);
        }
    }

    private void heapSelect(int first, int middle, int last) {
        makeHeap(first, middle);
        for (int i = middle; i < last; ++i) {
            if (comp(i, first)) {
                popHeap(first, middle, i);
            }
        }
    }

    private void makeHeap(int first, int last) {
        int len = last - first;
        if (len < 2) {
            return;
        }
        int parent = (len - 2) / 2;
        while (true) {
            hold(first + parent);
            adjustHeap(first, parent, len);
            if (parent == 0) {
                return;
            }
            parent--;
        }
    }

    /** Moves the top to {@code result} and sifts the element that was at {@code result} into the heap. */
    private void popHeap(int first, int last, int result) {
        hold(result);
        move(result, first);
        adjustHeap(first, 0, last - first);
    }

    /** Sifts the held value down from {@code hole} to a leaf, then up to its place ({@code std::__adjust_heap}). */
    private void adjustHeap(int first, int hole, int len) {
        int top = hole;
        int second = hole;
        while (second < (len - 1) / 2) {
            second = 2 * (second + 1);
            if (comp(first + second, first + second - 1)) {
                second--;
            }
            move(first + hole, first + second);
            hole = second;
        }
        if ((len & 1) == 0 && second == (len - 2) / 2) {
            second = 2 * (second + 1);
            move(first + hole, first + second - 1);
            hole = second - 1;
        }
        // std::__push_heap
        int parent = (hole - 1) / 2;
        while (hole > top && compToHeld(first + parent)) {
            move(first + hole, first + parent);
            hole = parent;
            parent = (hole - 1) / 2;
        }
        put(first + hole);
    }
}
