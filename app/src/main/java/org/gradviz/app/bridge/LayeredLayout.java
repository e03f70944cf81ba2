package org.gradviz.app.bridge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorSource;

/**
 * Left-to-right positions without Graphviz: a node's column is one more than its furthest input's, a tensor
 * source sits in the column before its first consumer, and boxes in one column stack top-down in document order.
 */
final class LayeredLayout {
    static final double COLUMN_WIDTH = 160;
    static final double ROW_HEIGHT = 100;

    private LayeredLayout() {
    }

    /** Positions of every tensor and node; the document's nodes must be in an order where inputs come first. */
    static Map<String, Position> positions(GraphDocument document) {
        Map<String, Integer> column = new HashMap<>();
        document.tensors().forEach(t -> column.put(t.name(), 0));
        for (OpNode node : document.nodes()) {
            int c = 1;
            for (Connection e : document.edgesInto(node.name())) {
                c = Math.max(c, column.getOrDefault(e.from(), 0) + 1);
            }
            column.put(node.name(), c);
        }
        Map<String, Integer> firstConsumer = new HashMap<>();
        for (Connection e : document.edges()) {
            firstConsumer.merge(e.from(), column.get(e.to()) - 1, Math::min);
        }
        for (TensorSource t : document.tensors()) {
            Integer c = firstConsumer.get(t.name());
            if (c != null) {
                column.put(t.name(), c);
            }
        }
        Map<String, Integer> order = order(document);
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (String name : column.keySet().stream().sorted(Comparator.comparingInt(order::get)).toList()) {
            int c = column.get(name);
            int row = rows.merge(c, 1, Integer::sum) - 1;
            positions.put(name, new Position(c * COLUMN_WIDTH, row * ROW_HEIGHT));
        }
        return positions;
    }

    /** Tensors first, then nodes, each in document order. */
    private static Map<String, Integer> order(GraphDocument document) {
        Map<String, Integer> order = new HashMap<>();
        document.tensors().forEach(t -> order.put(t.name(), order.size()));
        document.nodes().forEach(n -> order.put(n.name(), order.size()));
        return order;
    }
}
