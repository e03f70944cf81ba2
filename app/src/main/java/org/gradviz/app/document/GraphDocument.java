package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network as a user builds it: tensor sources, op nodes, the edges between them, the chosen output,
 * editor positions and view settings. The saved form is JSON with a {@code formatVersion}; this record is
 * the bound form of the current version and knows nothing of engine types.
 *
 * @param seed the seed of the one generator every {@code randn} initialiser draws from, in document order,
 *     as {@code torch.manual_seed(seed)} followed by the {@code torch.randn} calls would
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"formatVersion", "title", "seed", "tensors", "nodes", "edges", "output", "positions", "view"})
public record GraphDocument(
        int formatVersion,
        String title,
        Long seed,
        List<TensorSource> tensors,
        List<OpNode> nodes,
        List<Connection> edges,
        String output,
        Map<String, Position> positions,
        ViewSettings view) {

    /** The format version this gradviz reads and writes. */
    public static final int CURRENT_VERSION = 1;

    public GraphDocument {
        tensors = tensors == null ? List.of() : List.copyOf(tensors);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    public Optional<TensorSource> tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<OpNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The edges into {@code node}, in document order. */
    public List<Connection> edgesInto(String node) {
        return edges.stream().filter(e -> e.to().equals(node)).toList();
    }

    /** The view settings, or the defaults when the document has none. */
    public ViewSettings viewOrDefault() {
        return view == null ? ViewSettings.DEFAULT : view;
    }
}
