package org.gradviz.app.animation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;

/**
 * A {@link FlowFrame} as the network view shows it: the boxes the engine is at, and what each connection
 * carried. A gradient between two nodes of one box (a 1-D matmul's {@code SqueezeBackward3} to its
 * {@code MmBackward0}) stays inside the box; one that crosses from an op's box to an input's box travels the
 * connection between them, backwards.
 */
public record NetworkFlow(Set<String> activeElements, Map<Connection, EdgeFlow> connections, String caption) {

    public static final NetworkFlow NONE = new NetworkFlow(Set.of(), Map.of(), "");

    public NetworkFlow {
        activeElements = Collections.unmodifiableSet(new LinkedHashSet<>(activeElements));
        connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
    }

    public static NetworkFlow of(FlowFrame frame, ElementMap elements, GraphDocument document,
            Map<GradEdge, Integer> edgeTargets) {
        Set<String> active = new LinkedHashSet<>();
        if (frame.activeNode() != null) {
            elements.elementOfNode(frame.activeNode()).ifPresent(active::add);
        }
        if (frame.activeTensor() != null && frame.activeNode() == null) {
            elements.elementOfTensor(frame.activeTensor()).ifPresent(active::add);
        }
        Map<Connection, EdgeFlow> connections = new LinkedHashMap<>();
        frame.gradEdges().forEach((edge, flow) -> {
            Integer target = edgeTargets.get(edge);
            Optional<String> consumer = elements.elementOfNode(edge.fromNode());
            Optional<String> producer = target == null ? Optional.empty() : elements.elementOfNode(target);
            if (consumer.isPresent() && producer.isPresent() && !consumer.get().equals(producer.get())) {
                connection(document, producer.get(), consumer.get(), edge.inputIndex())
                        .ifPresent(c -> connections.put(c, flow));
            }
        });
        return new NetworkFlow(active, connections, frame.caption());
    }

    /**
     * The connection from {@code producer} into {@code consumer}; when there are several (x * x), the one at
     * the gradient's input index among them, in the op's port order.
     */
    private static Optional<Connection> connection(GraphDocument document, String producer, String consumer,
            int inputIndex) {
        List<Connection> candidates = document.edgesInto(consumer).stream().filter(c -> c.from().equals(producer))
                .sorted(java.util.Comparator.comparingInt(c -> portIndex(document, c))).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(Math.min(inputIndex, candidates.size() - 1)));
    }

    private static int portIndex(GraphDocument document, Connection c) {
        return document.node(c.to()).map(n -> n.op().ports().indexOf(c.port())).orElse(0);
    }
}
