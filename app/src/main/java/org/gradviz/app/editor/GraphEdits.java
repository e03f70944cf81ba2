package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorSource;

/**
 * The graph edits as pure functions: each takes a document and returns the edited copy; nothing is
 * changed in place, so an {@link Edit} can keep both sides. Callers check an edit is allowed first
 * ({@link ConnectionRules}); these functions only keep the document consistent (a removed element takes
 * its edges, its position and the output mark with it).
 */
public final class GraphEdits {
    private GraphEdits() {
    }

    public static GraphDocument addTensor(GraphDocument doc, TensorSource tensor, Position at) {
        List<TensorSource> tensors = new ArrayList<>(doc.tensors());
        tensors.add(tensor);
        return copy(doc, tensors, doc.nodes(), doc.edges(), doc.output(), withPosition(doc, tensor.name(), at));
    }

    public static GraphDocument addNode(GraphDocument doc, OpNode node, Position at) {
        List<OpNode> nodes = new ArrayList<>(doc.nodes());
        nodes.add(node);
        String output = doc.output() == null && node.op().isLoss() ? node.name() : doc.output();
        return copy(doc, doc.tensors(), nodes, doc.edges(), output, withPosition(doc, node.name(), at));
    }

    /** Removes tensors and nodes by name, with every edge that touches them. */
    public static GraphDocument remove(GraphDocument doc, Collection<String> names) {
        Set<String> gone = Set.copyOf(names);
        Map<String, Position> positions = positions(doc);
        positions.keySet().removeAll(gone);
        return copy(doc,
                doc.tensors().stream().filter(t -> !gone.contains(t.name())).toList(),
                doc.nodes().stream().filter(n -> !gone.contains(n.name())).toList(),
                doc.edges().stream().filter(e -> !gone.contains(e.from()) && !gone.contains(e.to())).toList(),
                gone.contains(doc.output()) ? null : doc.output(),
                positions);
    }

    public static GraphDocument connect(GraphDocument doc, Connection edge) {
        List<Connection> edges = new ArrayList<>(doc.edges());
        edges.add(edge);
        return copy(doc, doc.tensors(), doc.nodes(), edges, doc.output(), positions(doc));
    }

    public static GraphDocument disconnect(GraphDocument doc, Connection edge) {
        List<Connection> edges = new ArrayList<>(doc.edges());
        edges.remove(edge);
        return copy(doc, doc.tensors(), doc.nodes(), edges, doc.output(), positions(doc));
    }

    /** Places elements; names without a new place keep theirs. */
    public static GraphDocument move(GraphDocument doc, Map<String, Position> places) {
        Map<String, Position> positions = positions(doc);
        positions.putAll(places);
        return copy(doc, doc.tensors(), doc.nodes(), doc.edges(), doc.output(), positions);
    }

    /** Replaces a tensor source (its name may change: edges, position and output follow). */
    public static GraphDocument replaceTensor(GraphDocument doc, String name, TensorSource tensor) {
        GraphDocument renamed = rename(doc, name, tensor.name());
        return copy(renamed,
                renamed.tensors().stream().map(t -> t.name().equals(tensor.name()) ? tensor : t).toList(),
                renamed.nodes(), renamed.edges(), renamed.output(), positions(renamed));
    }

    /** Replaces an op node (its name may change); edges into ports the new op lacks are dropped. */
    public static GraphDocument replaceNode(GraphDocument doc, String name, OpNode node) {
        GraphDocument renamed = rename(doc, name, node.name());
        List<Connection> edges = renamed.edges().stream()
                .filter(e -> !e.to().equals(node.name()) || node.op().ports().contains(e.port()))
                .toList();
        return copy(renamed, renamed.tensors(),
                renamed.nodes().stream().map(n -> n.name().equals(node.name()) ? node : n).toList(),
                edges, renamed.output(), positions(renamed));
    }

    public static GraphDocument setOutput(GraphDocument doc, String output) {
        return copy(doc, doc.tensors(), doc.nodes(), doc.edges(), output, positions(doc));
    }

    public static GraphDocument setSeed(GraphDocument doc, Long seed) {
        return new GraphDocument(doc.formatVersion(), doc.title(), seed, doc.tensors(), doc.nodes(), doc.edges(),
                doc.output(), doc.positions(), doc.view());
    }

    /**
     * Puts a {@code detach} node after {@code name}: everything that read {@code name} now reads the
     * detached copy, so gradients stop there ({@code z.detach()}).
     */
    public static GraphDocument insertDetach(GraphDocument doc, String name, String detachName, Position at) {
        List<OpNode> nodes = new ArrayList<>(doc.nodes());
        nodes.add(OpNode.of(detachName, OpKind.DETACH));
        List<Connection> edges = new ArrayList<>();
        for (Connection e : doc.edges()) {
            edges.add(e.from().equals(name) ? new Connection(detachName, e.to(), e.port()) : e);
        }
        edges.add(new Connection(name, detachName, "input"));
        String output = name.equals(doc.output()) ? detachName : doc.output();
        return copy(doc, doc.tensors(), nodes, edges, output, withPosition(doc, detachName, at));
    }

    /**
     * Adds a copied fragment (elements with the edges among them), renaming what clashes ({@code w} →
     * {@code w1}) and shifting positions by {@code (dx, dy)}. Returns the new document and the new names.
     */
    public static Pasted paste(GraphDocument doc, GraphDocument fragment, double dx, double dy) {
        Map<String, String> names = new LinkedHashMap<>();
        GraphDocument growing = doc;
        for (TensorSource t : fragment.tensors()) {
            String fresh = Names.fresh(growing, t.name());
            names.put(t.name(), fresh);
            TensorSource copy = new TensorSource(fresh, t.role(), t.shape(), t.dtype(), t.requiresGrad(), t.init());
            growing = addTensor(growing, copy, shifted(fragment, t.name(), dx, dy));
        }
        for (OpNode n : fragment.nodes()) {
            String fresh = Names.fresh(growing, n.name());
            names.put(n.name(), fresh);
            growing = copy(growing, growing.tensors(), append(growing.nodes(), renamed(n, fresh)),
                    growing.edges(), growing.output(), withPosition(growing, fresh, shifted(fragment, n.name(), dx, dy)));
        }
        for (Connection e : fragment.edges()) {
            if (names.containsKey(e.from()) && names.containsKey(e.to())) {
                growing = connect(growing, new Connection(names.get(e.from()), names.get(e.to()), e.port()));
            }
        }
        return new Pasted(growing, List.copyOf(names.values()));
    }

    /** A document after a paste and the names the pasted elements got. */
    public record Pasted(GraphDocument document, List<String> names) {
    }

    /** The elements named and the edges among them, as a document of their own (for copy). */
    public static GraphDocument fragment(GraphDocument doc, Collection<String> names) {
        Set<String> kept = Set.copyOf(names);
        Map<String, Position> positions = positions(doc);
        positions.keySet().retainAll(kept);
        return new GraphDocument(GraphDocument.CURRENT_VERSION, null, doc.seed(),
                doc.tensors().stream().filter(t -> kept.contains(t.name())).toList(),
                doc.nodes().stream().filter(n -> kept.contains(n.name())).toList(),
                doc.edges().stream().filter(e -> kept.contains(e.from()) && kept.contains(e.to())).toList(),
                null, positions, null);
    }

    private static GraphDocument rename(GraphDocument doc, String from, String to) {
        if (from.equals(to)) {
            return doc;
        }
        UnaryOperator<String> r = s -> from.equals(s) ? to : s;
        Map<String, Position> positions = new LinkedHashMap<>();
        positions(doc).forEach((k, v) -> positions.put(r.apply(k), v));
        return copy(doc,
                doc.tensors().stream().map(t -> t.name().equals(from)
                        ? new TensorSource(to, t.role(), t.shape(), t.dtype(), t.requiresGrad(), t.init()) : t).toList(),
                doc.nodes().stream().map(n -> n.name().equals(from) ? renamed(n, to) : n).toList(),
                doc.edges().stream().map(e -> new Connection(r.apply(e.from()), r.apply(e.to()), e.port())).toList(),
                r.apply(doc.output()), positions);
    }

    /** The same op node under another name. */
    public static OpNode renamed(OpNode n, String name) {
        return new OpNode(name, n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), n.exponent(), n.scalar(), n.showValue());
    }

    private static Position shifted(GraphDocument fragment, String name, double dx, double dy) {
        Position p = fragment.positions() == null ? null : fragment.positions().get(name);
        return p == null ? new Position(dx, dy) : new Position(p.x() + dx, p.y() + dy);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static Map<String, Position> positions(GraphDocument doc) {
        return doc.positions() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(doc.positions());
    }

    private static Map<String, Position> withPosition(GraphDocument doc, String name, Position at) {
        Map<String, Position> positions = positions(doc);
        if (at != null) {
            positions.put(name, at);
        }
        return positions;
    }

    private static GraphDocument copy(GraphDocument doc, List<TensorSource> tensors, List<OpNode> nodes,
            List<Connection> edges, String output, Map<String, Position> positions) {
        return new GraphDocument(doc.formatVersion(), doc.title(), doc.seed(), tensors, nodes, edges, output,
                positions.isEmpty() && doc.positions() == null ? null : positions, doc.view());
    }
}
