package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.testing.MiniJson;
import org.junit.jupiter.api.Test;

/**
 * The ready queue is libstdc++'s {@code std::priority_queue} under torch's {@code CompareNodeTaskTime}: highest
 * sequence number first, equal numbers in the heap's order. Elements here are {@code "key:name"} strings.
 */
class ReadyQueueTest {
    private static final long ACC = Long.MAX_VALUE;

    private final ReadyQueue<String> queue = new ReadyQueue<>(s -> Long.parseLong(s.substring(0, s.indexOf(':'))));

    private void push(long key, String name) {
        queue.push(key + ":" + name);
    }

    private String pop() {
        String s = queue.pop();
        return s.substring(s.indexOf(':') + 1);
    }

    private List<String> popAll() {
        List<String> out = new ArrayList<>();
        while (!queue.isEmpty()) {
            out.add(pop());
        }
        return out;
    }

    @Test
    void higherSequenceNumberComesOutFirst() {
        for (long key : new long[] {3, 9, 1, 7, 5, 2, 8, 0, 6, 4}) {
            push(key, "n" + key);
        }
        push(ACC, "acc");

        assertEquals(List.of("acc", "n9", "n8", "n7", "n6", "n5", "n4", "n3", "n2", "n1", "n0"), popAll());
    }

    /*
     * Five equal keys a0..a4 pushed into an empty queue (a StackBackward0 of five leaves). comp(x, y) is
     * "x.seq < y.seq", false for every pair here.
     *
     * push: __push_heap moves the hole up only while comp(parent, value): never, so the array is [a0 a1 a2 a3 a4].
     * pop 1: top a0. __pop_heap takes value = a4, len = 4. __adjust_heap from hole 0:
     *   secondChild 0 < (4-1)/2 = 1: secondChild = 2; comp(a[2], a[1]) false, keep the right child 2;
     *   a[0] = a2, hole 2. 2 < 1 fails. len even but secondChild 2 != (4-2)/2 = 1.
     *   __push_heap(hole 2, value a4): comp(a[0], a4) false, a[2] = a4. Array [a2 a1 a4 a3].
     * pop 2: top a2. value = a3, len = 3: secondChild = 2, comp(a4, a1) false, a[0] = a4, hole 2; len odd;
     *   a[2] = a3. Array [a4 a1 a3].
     * pop 3: top a4. value = a3, len = 2: 0 < (2-1)/2 = 0 fails; len even and secondChild 0 == (2-2)/2:
     *   secondChild = 2, a[0] = a[1] = a1, hole 1; __push_heap: comp(a1, a3) false, a[1] = a3. Array [a1 a3].
     * pop 4: a1, pop 5: a3.
     * Order a0 a2 a4 a1 a3 (java.util.PriorityQueue, which prefers the left child and stops on a tie, gives a0 a4 ...).
     */
    @Test
    void equalKeysComeOutInHeapOrderNotInsertionOrder() {
        for (int i = 0; i < 5; i++) {
            push(ACC, "a" + i);
        }

        assertEquals(List.of("a0", "a2", "a4", "a1", "a3"), popAll());
    }

    /*
     * Three pending nodes (keys 1, 2, 3), then a node 5 runs and a node 4 runs, then three AccumulateGrad a0 a1 a2
     * (key M) become ready at once (a node with three leaf inputs).
     *
     * push 1: [1]. push 2: comp(1, 2), 1 moves down: [2 1]. push 3: comp(2, 3): [3 1 2].
     * push 5: hole 3, comp(1, 5): a[3] = 1; hole 1, comp(3, 5): a[1] = 3; hole 0: [5 3 2 1].
     * pop 5: value 1, len 3: secondChild 2, comp(a[2] = 2, a[1] = 3) true so the left child 1: a[0] = 3, hole 1;
     *   1 < 1 fails; len odd; __push_heap(hole 1, value 1): comp(3, 1) false: [3 1 2].
     * push 4, pop 4: the same moves: [3 1 2].
     * push a0: hole 3, comp(1, M): a[3] = 1; hole 1, comp(3, M): a[1] = 3; hole 0: [a0 3 2 1].
     * push a1: hole 4, parent 1, comp(3, M): a[4] = 3; hole 1, comp(a0, a1) false: [a0 a1 2 1 3].
     * push a2: hole 5, parent 2, comp(2, M): a[5] = 2; hole 2, comp(a0, a2) false: [a0 a1 a2 1 3 2].
     * pop a0: value 2, len 5: 0 < 2: secondChild 2, comp(a2, a1) false, the right child: a[0] = a2, hole 2;
     *   2 < 2 fails; len odd; __push_heap(hole 2, value 2): comp(a2, 2) false: [a2 a1 2 1 3].
     * pop a2, then a1 (the only M left), then 3, 2, 1.
     * Order a0 a2 a1: first pushed, last pushed, middle.
     */
    @Test
    void threeEqualKeysAbovePendingNodesComeOutFirstLastMiddle() {
        push(1, "n1");
        push(2, "n2");
        push(3, "n3");
        push(5, "n5");
        assertEquals("n5", pop());
        push(4, "n4");
        assertEquals("n4", pop());
        push(ACC, "a0");
        push(ACC, "a1");
        push(ACC, "a2");

        assertEquals(List.of("a0", "a2", "a1", "n3", "n2", "n1"), popAll());
    }

    @Test
    void twoEqualKeysComeOutInPushOrder() {
        push(1, "n1");
        push(ACC, "a0");
        push(ACC, "a1");

        assertEquals(List.of("a0", "a1", "n1"), popAll());
    }

    @Test
    void popOfEmptyQueueFails() {
        assertThrows(IllegalStateException.class, queue::pop);
    }

    @Test
    void growsPastItsFirstArray() {
        for (int i = 0; i < 100; i++) {
            push(i, "n" + i);
        }
        assertEquals(100, queue.size());
        assertEquals("n99", pop());
        assertEquals(99, queue.size());
    }

    /** Replays the queue operations of each case of {@code fixtures/ready_queue/make_stack_orders.py}. */
    @Test
    @SuppressWarnings("unchecked")
    void equalKeysComeOutAsTorchRunsTheAccumulateGradOfStackedLeaves() throws IOException {
        Map<String, Object> fixture = (Map<String, Object>) MiniJson.parse(resource("stack_orders.json"));
        List<Map<String, Object>> cases = (List<Map<String, Object>>) fixture.get("cases");
        assertTrue(cases.size() >= 40, "cases: " + cases.size());
        for (Map<String, Object> c : cases) {
            int pending = ((Number) c.get("pending")).intValue();
            int leaves = ((Number) c.get("leaves")).intValue();
            List<String> expected = new ArrayList<>();
            ((List<Object>) c.get("order")).forEach(i -> expected.add("a" + i));

            ReadyQueueTest fresh = new ReadyQueueTest();
            for (int i = 1; i <= pending; i++) {
                fresh.push(i, "pending" + i);
            }
            fresh.push(pending + 2, "sum");
            assertEquals("sum", fresh.pop());
            fresh.push(pending + 1, "stack");
            assertEquals("stack", fresh.pop());
            for (int i = 0; i < leaves; i++) {
                fresh.push(ACC, "a" + i);
            }
            List<String> order = new ArrayList<>();
            for (int i = 0; i < leaves; i++) {
                order.add(fresh.pop());
            }

            assertEquals(expected, order, "pending " + pending + ", leaves " + leaves);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReadyQueueTest.class.getResourceAsStream("/fixtures/ready_queue/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: run make_stack_orders.py with /usr/bin/python3");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
