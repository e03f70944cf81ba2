package org.gradviz.app.animation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/**
 * Numbers for backward nodes and tensors, in order of first appearance: how recorded events and pictures of
 * the graph name them without holding engine objects. Recordings that share a numbering (a Forward and the
 * Backward after it) agree on every number.
 */
public final class TraceNumbering {
    private final Map<Node, Integer> nodes = new IdentityHashMap<>();
    private final Map<Tensor, Integer> tensors = new IdentityHashMap<>();
    private final List<Node> nodesById = new ArrayList<>();
    private final List<Tensor> tensorsById = new ArrayList<>();

    /** The number of {@code node}, giving it the next one when it has none yet. */
    public int nodeId(Node node) {
        return nodes.computeIfAbsent(node, n -> {
            nodesById.add(n);
            return nodesById.size() - 1;
        });
    }

    /** The number of {@code tensor}, giving it the next one when it has none yet. */
    public int tensorId(Tensor tensor) {
        return tensors.computeIfAbsent(tensor, t -> {
            tensorsById.add(t);
            return tensorsById.size() - 1;
        });
    }

    /** The node numbered {@code id}, or null. */
    Node node(int id) {
        return id >= 0 && id < nodesById.size() ? nodesById.get(id) : null;
    }

    /** The tensor numbered {@code id}, or null. */
    Tensor tensor(int id) {
        return id >= 0 && id < tensorsById.size() ? tensorsById.get(id) : null;
    }
}
