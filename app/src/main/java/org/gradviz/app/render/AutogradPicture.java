package org.gradviz.app.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.gradviz.engine.Node;
import org.gradviz.engine.Tensor;

/**
 * The autograd graph of a root tensor as torchviz's {@code make_dot(root, params=names)} draws it, as values:
 * boxes ({@link PictureNode}) with DOT ids {@code n0, n1, …} in order of first appearance, and edges
 * ({@link PictureEdge}) in torchviz's forward direction. Made by one walk of the engine's graph
 * ({@link TorchvizWalk}); {@link AutogradDot} writes it as DOT, the window draws it. Immutable, so it can be laid
 * out on another thread than the one that walked the engine's graph.
 */
public final class AutogradPicture {
    private final GraphOptions options;
    private final List<PictureStatement> statements;
    private final List<PictureNode> nodes;
    private final List<PictureEdge> edges;
    private final Map<String, PictureNode> byId = new LinkedHashMap<>();
    private final Map<Integer, PictureNode> byNodeNumber = new LinkedHashMap<>();
    private final Map<Long, PictureEdge> bySender = new LinkedHashMap<>();

    private AutogradPicture(GraphOptions options, List<PictureStatement> statements) {
        this.options = options;
        this.statements = List.copyOf(statements);
        List<PictureNode> boxes = new ArrayList<>();
        List<PictureEdge> lines = new ArrayList<>();
        for (PictureStatement s : this.statements) {
            if (s instanceof PictureNode n) {
                boxes.add(n);
                byId.put(n.id(), n);
                if (n.nodeNumber() >= 0) {
                    byNodeNumber.putIfAbsent(n.nodeNumber(), n);
                }
            } else if (s instanceof PictureEdge e) {
                lines.add(e);
                if (e.kind() == PictureEdge.Kind.GRADIENT) {
                    bySender.put(key(e.senderNodeNumber(), e.inputIndex()), e);
                }
            }
        }
        boxes.sort(Comparator.comparingInt(n -> Integer.parseInt(n.id().substring(1))));
        this.nodes = List.copyOf(boxes);
        this.edges = List.copyOf(lines);
    }

    /** The picture of {@code root}, engine nodes and tensors numbered 0, 1, … in the order the walk meets them. */
    public static AutogradPicture of(Tensor root, LeafNames names, GraphOptions options) {
        Map<Node, Integer> nodeIds = new IdentityHashMap<>();
        Map<Tensor, Integer> tensorIds = new IdentityHashMap<>();
        return of(root, names, options, n -> nodeIds.computeIfAbsent(n, k -> nodeIds.size()),
                t -> tensorIds.computeIfAbsent(t, k -> tensorIds.size()));
    }

    /**
     * The picture of {@code root} with engine nodes and tensors numbered by the caller, e.g. by a
     * {@code TraceRecorder}'s {@code nodeId} and {@code tensorId}, so that recorded events find their boxes and
     * edges. The functions are called in the walk's order, on the calling thread.
     */
    public static AutogradPicture of(Tensor root, LeafNames names, GraphOptions options, ToIntFunction<Node> nodeIds,
            ToIntFunction<Tensor> tensorIds) {
        return new AutogradPicture(options, new TorchvizWalk(names, options, nodeIds, tensorIds).walk(root));
    }

    /** The options the picture was made with (saved tensors, attributes, values) and is to be drawn with. */
    public GraphOptions options() {
        return options;
    }

    /** Boxes and edges in the order torchviz writes them into its DOT. */
    public List<PictureStatement> statements() {
        return statements;
    }

    /** The boxes in order of their ids: {@code n0} (the root), {@code n1}, … */
    public List<PictureNode> nodes() {
        return nodes;
    }

    /** The edges in the order torchviz writes them. */
    public List<PictureEdge> edges() {
        return edges;
    }

    /** The box with DOT id {@code id}. */
    public Optional<PictureNode> node(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The box of engine node number {@code nodeNumber} (an op or an {@code AccumulateGrad}). */
    public Optional<PictureNode> engineNode(int nodeNumber) {
        return Optional.ofNullable(byNodeNumber.get(nodeNumber));
    }

    /** The boxes of tensor number {@code tensorNumber}: its leaf or output box, and boxes where it is saved. */
    public List<PictureNode> tensorNodes(int tensorNumber) {
        return nodes.stream().filter(n -> n.tensorNumber() == tensorNumber).toList();
    }

    /** The edge along which engine node {@code sender} sends the gradient of its input {@code inputIndex}. */
    public Optional<PictureEdge> gradientEdge(int sender, int inputIndex) {
        return Optional.ofNullable(bySender.get(key(sender, inputIndex)));
    }

    /** The root box ({@code n0}). */
    public PictureNode root() {
        return nodes.get(0);
    }

    private static long key(int sender, int inputIndex) {
        return ((long) sender << 32) | (inputIndex & 0xffffffffL);
    }
}
