package org.gradviz.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.BoxValues;
import org.gradviz.app.animation.ElementMap;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceNumbering;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.Edge;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/**
 * Ties a session's engine objects to the document's elements: the board of what the live tensors hold now,
 * and which element each numbered tensor and backward node belongs to.
 */
final class SessionBoards {
    private SessionBoards() {
    }

    /** Every element's live value and gradient, copied. */
    static Board live(GraphDocument document, RunSession session) {
        Map<String, BoxValues> boxes = new LinkedHashMap<>();
        for (String name : elementNames(document)) {
            session.tensor(name).ifPresent(t -> boxes.put(name, BoxValues.of(TensorValue.of(t),
                    TensorValue.of(t.gradOrNull()))));
        }
        return new Board(boxes);
    }

    /**
     * Which element each tensor and node is: an element's tensor, its grad_fn and the nodes only its own
     * forward built (walked back from the grad_fn until another element's node), a leaf's AccumulateGrad.
     */
    static ElementMap elements(GraphDocument document, RunSession session, TraceNumbering numbering) {
        Map<Integer, String> tensors = new LinkedHashMap<>();
        Map<Node, String> owners = new HashMap<>();
        Set<String> leaves = new LinkedHashSet<>();
        document.tensors().stream().map(TensorSource::name).forEach(leaves::add);
        for (String name : elementNames(document)) {
            session.tensor(name).ifPresent(t -> {
                tensors.put(numbering.tensorId(t), name);
                if (t.gradFn() != null) {
                    owners.putIfAbsent(t.gradFn(), name);
                } else if (t.requiresGrad()) {
                    owners.putIfAbsent(t.gradAccumulator(), name);
                }
            });
        }
        Map<Integer, String> nodes = new LinkedHashMap<>();
        for (String name : elementNames(document)) {
            Tensor t = session.tensor(name).orElse(null);
            if (t != null && t.gradFn() != null && name.equals(owners.get(t.gradFn()))) {
                claimOwnNodes(t.gradFn(), name, owners, numbering, nodes);
            }
        }
        owners.forEach((node, name) -> nodes.putIfAbsent(numbering.nodeId(node), name));
        return new ElementMap(tensors, nodes, leaves);
    }

    /** Numbers {@code root} and every node behind it that no element owns, for {@code element}. */
    private static void claimOwnNodes(Node root, String element, Map<Node, String> owners, TraceNumbering numbering,
            Map<Integer, String> nodes) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        nodes.put(numbering.nodeId(root), element);
        while (!stack.isEmpty()) {
            for (Edge e : stack.pop().nextFunctions()) {
                Node next = e.function();
                if (next != null && !owners.containsKey(next)) {
                    owners.put(next, element);
                    nodes.put(numbering.nodeId(next), element);
                    stack.push(next);
                }
            }
        }
    }

    private static Iterable<String> elementNames(GraphDocument document) {
        Set<String> names = new LinkedHashSet<>();
        document.tensors().forEach(t -> names.add(t.name()));
        document.nodes().forEach(n -> names.add(n.name()));
        return names;
    }
}
