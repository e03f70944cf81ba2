package org.gradviz.app.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.gradviz.app.document.ShapeText;
import org.gradviz.engine.AccumulateGrad;
import org.gradviz.engine.Edge;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * torchviz's {@code make_dot} walk as a loop: from the root's {@code grad_fn} depth first along
 * {@code next_functions}, each node once, writing statements in exactly the order torchviz's recursive
 * {@code add_nodes} writes them. An explicit stack of (node, next input) frames stands for the recursion, so a
 * chain of 100,000 nodes needs no deep Java stack.
 */
final class TorchvizWalk {
    private final LeafNames names;
    private final GraphOptions options;
    private final ToIntFunction<Node> nodeIds;
    private final ToIntFunction<Tensor> tensorIds;
    private final Map<Object, String> ids = new IdentityHashMap<>();
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    private final List<PictureStatement> statements = new ArrayList<>();

    /** One {@code add_nodes(fn)} call in progress: its node and the next of its {@code next_functions} to visit. */
    private static final class Frame {
        final Node node;
        int next;

        Frame(Node node) {
            this.node = node;
        }
    }

    TorchvizWalk(LeafNames names, GraphOptions options, ToIntFunction<Node> nodeIds, ToIntFunction<Tensor> tensorIds) {
        this.names = names;
        this.options = options;
        this.nodeIds = nodeIds;
        this.tensorIds = tensorIds;
    }

    /** The statements of {@code root}'s picture, in torchviz's order. */
    List<PictureStatement> walk(Tensor root) {
        String rootId = id(root);
        String rootName = names.nameOf(root);
        statements.add(tensorNode(root, rootId, PictureNode.Kind.OUTPUT, "", rootName));
        Node fn = root.gradFn();
        if (fn != null) {
            Deque<Frame> stack = new ArrayDeque<>();
            enter(fn, stack);
            while (!stack.isEmpty()) {
                Frame top = stack.peek();
                List<Edge> next = top.node.nextFunctions();
                if (top.next == next.size()) {
                    stack.pop();
                    continue;
                }
                int input = top.next++;
                Node child = next.get(input).function();
                if (child != null) {
                    String childId = id(child);
                    statements.add(PictureEdge.gradient(childId, id(top.node), nodeIds.applyAsInt(top.node), input));
                    enter(child, stack);
                }
            }
            statements.add(PictureEdge.of(id(fn), rootId, PictureEdge.Kind.OUTPUT));
        }
        return statements;
    }

    /**
     * The first part of {@code add_nodes(fn)}, before its loop over {@code next_functions}: saved tensors, the leaf
     * of an {@code AccumulateGrad}, the node's own box; then a frame for the loop. Nothing when already seen.
     */
    private void enter(Node fn, Deque<Frame> stack) {
        if (seen.put(fn, Boolean.TRUE) != null) {
            return;
        }
        boolean freed = false;
        for (Map.Entry<String, Object> saved : fn.savedValues().entrySet()) {
            if (!(saved.getValue() instanceof SavedTensor tensor)) {
                continue;
            }
            freed |= tensor.isReleased();
            if (options.showSaved() && !tensor.isReleased()) {
                String fnId = id(fn);
                String savedId = id(tensor);
                statements.add(PictureEdge.of(fnId, savedId, PictureEdge.Kind.SAVED));
                Tensor value = tensor.peek();
                statements.add(new PictureNode(savedId, PictureNode.Kind.SAVED,
                        List.of(saved.getKey(), " " + ShapeText.of(value.size())), null, -1,
                        tensorIds.applyAsInt(value), variable(names.nameOf(value)), false));
            }
        }
        String variableName = null;
        if (fn instanceof AccumulateGrad accumulate) {
            Tensor leaf = accumulate.variable();
            String name = names.nameOf(leaf);
            variableName = variable(name);
            String leafId = id(leaf);
            statements.add(tensorNode(leaf, leafId, PictureNode.Kind.LEAF, name, name));
            statements.add(PictureEdge.of(leafId, id(fn), PictureEdge.Kind.LEAF));
        }
        String label = options.showAttrs() ? AttributeTable.label(fn) : fn.name();
        PictureNode.Kind kind = fn instanceof AccumulateGrad ? PictureNode.Kind.ACCUMULATE_GRAD : PictureNode.Kind.OP;
        statements.add(new PictureNode(id(fn), kind, List.of(label.split("\n", -1)), null, nodeIds.applyAsInt(fn), -1,
                variableName, freed));
        stack.push(new Frame(fn));
    }

    /** {@code w\n (5, 3)}, or micrograd's record title and values when values are shown. */
    private PictureNode tensorNode(Tensor t, String id, PictureNode.Kind kind, String label, String name) {
        String shape = ShapeText.of(t.size());
        List<String> lines = options.values() ? List.of(label + " " + shape) : List.of(label, " " + shape);
        PictureValues values = null;
        if (options.values()) {
            values = PictureValues.of(t, kind == PictureNode.Kind.OUTPUT);
        }
        return new PictureNode(id, kind, lines, values, -1, tensorIds.applyAsInt(t), variable(name), false);
    }

    private static String variable(String name) {
        return name.isEmpty() ? null : name;
    }

    /** n0, n1, … in order of first appearance, so the same graph always gives the same text. */
    private String id(Object o) {
        return ids.computeIfAbsent(o, k -> "n" + ids.size());
    }
}
