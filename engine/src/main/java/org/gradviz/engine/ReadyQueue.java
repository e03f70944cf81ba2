package org.gradviz.engine;

import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * The ready queue of a backward pass, exactly PyTorch 1.13's {@code ReadyQueue}: a libstdc++
 * {@code std::priority_queue} (a binary heap in an array, kept by {@code std::push_heap} and {@code std::pop_heap})
 * under {@code CompareNodeTaskTime}, so the element with the highest sequence number comes out first.
 *
 * <p>Among equal keys (several {@link AccumulateGrad}, all {@code UINT64_MAX}, ready at once) the order is neither
 * first-in-first-out nor {@link java.util.PriorityQueue}'s: it is whatever libstdc++'s {@code __push_heap} and
 * {@code __adjust_heap} leave, which this class reproduces move for move (the same comparisons, the same holes).
 *
 * <p>NOTE: torch keeps one ready queue per thread, and a backward that fails leaves its pending tasks in it. Those
 * tasks then compare above every live one (their graph task is gone, so their reentrant depth reads as
 * {@code INT_MAX}) and the next backward pops and drops them all before its root runs, so a fresh queue per backward
 * gives the same order.
 *
 * @param <T> the queued elements; {@code sequenceNr} gives their key (larger first, compared as signed longs,
 *            which is torch's unsigned order for the non-negative numbers gradviz uses)
 */
final class ReadyQueue<T> {
    private final ToLongFunction<? super T> sequenceNr;
    private Object[] heap = new Object[16];
    private int size;

    ReadyQueue(ToLongFunction<? super T> sequenceNr) {
        this.sequenceNr = sequenceNr;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** {@code priority_queue::push}: {@code c.push_back(x); std::push_heap(c.begin(), c.end(), comp)}. */
    void push(T value) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = value;
        size++;
        pushHeap(size - 1, 0, value);
    }

    /**
     * {@code top()} then {@code priority_queue::pop}: {@code std::pop_heap(c.begin(), c.end(), comp); c.pop_back()}.
     * {@code pop_heap} of more than one element is {@code __pop_heap}: the last element is taken out as the value
     * to re-insert, the top moves to the last place, and {@code __adjust_heap} re-inserts the value from the root.
     */
    T pop() {
        if (size == 0) {
            throw new IllegalStateException("the ready queue is empty");
        }
        T top = at(0);
        if (size > 1) {
            T value = at(size - 1);
            heap[size - 1] = top;
            adjustHeap(0, size - 1, value);
        }
        size--;
        heap[size] = null;
        return top;
    }

    /**
     * {@code CompareNodeTaskTime(t1, t2)} for tasks of one live graph task at reentrant depth 0: true when
     * {@code t2} must come out before {@code t1}, i.e. {@code t1.fn_->sequence_nr() < t2.fn_->sequence_nr()}.
     */
    private boolean less(T t1, T t2) {
        return sequenceNr.applyAsLong(t1) < sequenceNr.applyAsLong(t2);
    }

    /**
     * libstdc++'s {@code __push_heap(first, holeIndex, topIndex, value, comp)}: moves the hole up while its parent
     * compares less than {@code value} (strictly: an equal parent stays above), then puts {@code value} in it.
     */
    private void pushHeap(int holeIndex, int topIndex, T value) {
        int hole = holeIndex;
        int parent = (hole - 1) / 2;
        while (hole > topIndex && less(at(parent), value)) {
            heap[hole] = heap[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        heap[hole] = value;
    }

    /**
     * libstdc++'s {@code __adjust_heap(first, holeIndex, len, value, comp)}: moves the hole all the way down, each
     * time to the larger child, the right one unless it compares less than the left (so the right one on a tie);
     * a last left-only child when {@code len} is even; then {@code __push_heap} from that hole up to
     * {@code holeIndex}.
     */
    private void adjustHeap(int holeIndex, int len, T value) {
        int topIndex = holeIndex;
        int hole = holeIndex;
        int secondChild = holeIndex;
        while (secondChild < (len - 1) / 2) {
            secondChild = 2 * (secondChild + 1);
            if (less(at(secondChild), at(secondChild - 1))) {
                secondChild--;
            }
            heap[hole] = heap[secondChild];
            hole = secondChild;
        }
        if ((len & 1) == 0 && secondChild == (len - 2) / 2) {
            secondChild = 2 * (secondChild + 1);
            heap[hole] = heap[secondChild - 1];
            hole = secondChild - 1;
        }
        pushHeap(hole, topIndex, value);
    }

    @SuppressWarnings("unchecked")
    private T at(int i) {
        return (T) heap[i];
    }
}
