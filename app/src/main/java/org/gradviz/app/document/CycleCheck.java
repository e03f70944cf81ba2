package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Whether a list of edges has a cycle, in one linear pass (Kahn's algorithm: repeatedly take away an element no
 * remaining edge leads into; what is left lies on or behind a cycle), and which edge, in list order, is the first
 * to close one. The check of a whole document is one pass; only a document that has a cycle pays for finding the
 * edge (a binary search over prefixes of the list, each one pass).
 */
final class CycleCheck {
    private CycleCheck() {
    }

    /** The index of the first edge that, with the edges before it, makes a cycle; empty when there is none. */
    static OptionalInt firstClosingEdge(List<Connection> edges) {
        if (!hasCycle(edges, edges.size())) {
            return OptionalInt.empty();
        }
        int acyclic = 0; // edges[0, acyclic) have no cycle
        int cyclic = edges.size(); // edges[0, cyclic) have one
        while (cyclic - acyclic > 1) {
            int middle = (acyclic + cyclic) >>> 1;
            if (hasCycle(edges, middle)) {
                cyclic = middle;
            } else {
                acyclic = middle;
            }
        }
        return OptionalInt.of(cyclic - 1);
    }

    /** True when the first {@code count} edges make a cycle. */
    static boolean hasCycle(List<Connection> edges, int count) {
        Map<String, Integer> ids = new HashMap<>();
        int[] from = new int[count];
        int[] to = new int[count];
        for (int i = 0; i < count; i++) {
            from[i] = ids.computeIfAbsent(edges.get(i).from(), k -> ids.size());
            to[i] = ids.computeIfAbsent(edges.get(i).to(), k -> ids.size());
        }
        int elements = ids.size();
        int[] pending = new int[elements];
        List<List<Integer>> successors = new ArrayList<>(elements);
        for (int i = 0; i < elements; i++) {
            successors.add(new ArrayList<>(1));
        }
        for (int i = 0; i < count; i++) {
            pending[to[i]]++;
            successors.get(from[i]).add(to[i]);
        }
        int[] ready = new int[elements];
        int readyCount = 0;
        for (int i = 0; i < elements; i++) {
            if (pending[i] == 0) {
                ready[readyCount++] = i;
            }
        }
        int taken = 0;
        while (taken < readyCount) {
            for (int next : successors.get(ready[taken++])) {
                if (--pending[next] == 0) {
                    ready[readyCount++] = next;
                }
            }
        }
        return taken < elements;
    }
}
