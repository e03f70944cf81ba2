package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether a path of edges leads from one element to another: the cycle check of documents and the editor. */
public final class Reachability {
    private Reachability() {
    }

    /** True when {@code to} can be reached from {@code from} along {@code successors}. */
    public static boolean reaches(Map<String, List<String>> successors, String from, String to) {
        List<String> stack = new ArrayList<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            String at = stack.remove(stack.size() - 1);
            if (at.equals(to)) {
                return true;
            }
            if (seen.add(at)) {
                stack.addAll(successors.getOrDefault(at, List.of()));
            }
        }
        return false;
    }

    /** True when a path of the document's edges leads from {@code from} to {@code to}. */
    public static boolean reaches(GraphDocument document, String from, String to) {
        Map<String, List<String>> successors = new HashMap<>();
        for (Connection e : document.edges()) {
            successors.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        return reaches(successors, from, to);
    }
}
