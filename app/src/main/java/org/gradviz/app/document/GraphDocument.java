package org.gradviz.app.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    // one key object each, so a list handed from one document to the next keeps its index
    private static final Function<TensorSource, String> TENSOR_NAME = TensorSource::name;
    private static final Function<OpNode, String> NODE_NAME = OpNode::name;
    private static final Function<Connection, String> EDGE_TARGET = Connection::to;

    /** The lists are immutable and indexed by name (edges by target), so lookups take no scan. */
    public GraphDocument {
        tensors = IndexedList.of(tensors, TENSOR_NAME);
        nodes = IndexedList.of(nodes, NODE_NAME);
        edges = IndexedList.of(edges, EDGE_TARGET);
    }

    /** The tensor source named {@code name} (the first, in a document that names two alike). */
    public Optional<TensorSource> tensor(String name) {
        return ((IndexedList<TensorSource>) tensors).first(name);
    }

    /** The op node named {@code name} (the first, in a document that names two alike). */
    public Optional<OpNode> node(String name) {
        return ((IndexedList<OpNode>) nodes).first(name);
    }

    /** The edges into {@code node}, in document order. */
    public List<Connection> edgesInto(String node) {
        return ((IndexedList<Connection>) edges).named(node);
    }

    /** The view settings, or the defaults when the document has none. */
    public ViewSettings viewOrDefault() {
        return view == null ? ViewSettings.DEFAULT : view;
    }
}
