package org.gradviz.app.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Long chains for the tests and benchmarks of big graphs: a scalar parameter {@code x} (ones, requires_grad) and
 * {@code m1 = x * 1.0}, {@code m2 = m1 * 1.0}, … so {@code boxes} boxes in all, each op placed in rows of 20, 300 by 260 apart (boxes do not overlap), as a
 * saved document would place them. The last op is the output; every gradient is 1.
 */
public final class ChainDocuments {
    /** Boxes in one row of the placed chain. */
    private static final int ROW = 20;

    private ChainDocuments() {
    }

    /** The chain of {@code boxes} boxes ({@code x} and {@code boxes - 1} muls), edges in forward order. */
    public static GraphDocument chain(int boxes) {
        return chain(boxes, false);
    }

    /**
     * The same chain with its nodes and edges listed last op first, so every edge before the last names a node
     * whose input is not yet known: the worst case for a cycle check run edge by edge.
     */
    public static GraphDocument reversedChain(int boxes) {
        return chain(boxes, true);
    }

    private static GraphDocument chain(int boxes, boolean reversed) {
        List<OpNode> nodes = new ArrayList<>();
        List<Connection> edges = new ArrayList<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        positions.put("x", new Position(0, 0));
        for (int i = 1; i < boxes; i++) {
            nodes.add(new OpNode(op(i), OpKind.MUL, null, null, null, null, null, null, null, null, null, 1.0, null));
            edges.add(new Connection(i == 1 ? "x" : op(i - 1), op(i), "input"));
            positions.put(op(i), new Position(300 * (i % ROW), 260 * (i / ROW)));
        }
        if (reversed) {
            java.util.Collections.reverse(nodes);
            java.util.Collections.reverse(edges);
        }
        TensorSource x = new TensorSource("x", TensorRole.PARAMETER, List.of(), null, true, new Initializer.Ones());
        return new GraphDocument(GraphDocument.CURRENT_VERSION, "chain of " + boxes, null, List.of(x), nodes, edges,
                op(boxes - 1), positions, null);
    }

    /** The name of the {@code i}-th op of a chain. */
    public static String op(int i) {
        return "m" + i;
    }
}
