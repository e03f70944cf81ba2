package org.gradviz.app.render;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.ShapeText;
import org.gradviz.engine.AccumulateGrad;
import org.gradviz.engine.Edge;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * The autograd view as DOT, the way torchviz's {@code make_dot(root, params=names)} draws it: the engine's
 * real graph walked from the root's {@code grad_fn} along {@code next_functions}, leaves that require grad
 * as light-blue boxes feeding their {@code AccumulateGrad}, the root as a {@code darkolivegreen1} box, edges
 * in forward direction. With the light theme and no values the text equals torchviz's, up to node ids.
 */
public final class AutogradDot {
    private final LeafNames names;
    private final GraphOptions options;
    private final Palette palette;
    private final Map<Object, String> ids = new IdentityHashMap<>();
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();
    private DotWriter dot;

    private AutogradDot(LeafNames names, GraphOptions options) {
        this.names = names;
        this.options = options;
        this.palette = Palette.of(options.theme());
    }

    /** DOT for the graph of {@code root}; leaves are named from {@code named} (variable name to value). */
    public static String render(Tensor root, Map<String, ?> named, GraphOptions options) {
        return render(root, LeafNames.of(named), options);
    }

    public static String render(Tensor root, LeafNames names, GraphOptions options) {
        return new AutogradDot(names, options).build(root);
    }

    private String build(Tensor root) {
        dot = new DotWriter("digraph");
        Map<String, String> graph = new LinkedHashMap<>();
        graph.put("size", "12,12");
        if (options.rankdir() != null && options.rankdir() != LayoutDirection.TB) {
            graph.put("rankdir", options.rankdir().name());
        }
        if (options.dpi() != null) {
            graph.put("dpi", options.dpi().toString());
        }
        palette.graphAttributes(graph);
        dot.defaults("graph", graph);
        Map<String, String> node = new LinkedHashMap<>();
        node.put("align", "left");
        node.put("fontname", "monospace");
        node.put("fontsize", "10");
        node.put("height", "0.2");
        node.put("ranksep", "0.1");
        node.put("shape", "box");
        node.put("style", "filled");
        palette.nodeAttributes(node);
        dot.defaults("node", node);
        if (!palette.edgeAttributes().isEmpty()) {
            dot.defaults("edge", palette.edgeAttributes());
        }
        addBaseTensor(root);
        return dot.build();
    }

    private void addBaseTensor(Tensor root) {
        seen.put(root, true);
        tensorNode(root, "", palette.outputFill(), true);
        if (root.gradFn() != null) {
            addNodes(root.gradFn());
            dot.edge(id(root.gradFn()), id(root), Map.of());
        }
    }

    private void addNodes(Node fn) {
        if (seen.put(fn, true) != null) {
            return;
        }
        if (options.showSaved()) {
            fn.savedValues().forEach((attr, value) -> {
                if (value instanceof SavedTensor saved && !saved.isReleased()) {
                    dot.edge(id(fn), id(saved), DotWriter.attrs("dir", "none"));
                    dot.node(id(saved), DotWriter.attrs("label", attr + "\n " + ShapeText.of(saved.unpack().size()),
                            "fillcolor", palette.savedFill()));
                }
            });
        }
        if (fn instanceof AccumulateGrad accumulate) {
            Tensor variable = accumulate.variable();
            seen.put(variable, true);
            tensorNode(variable, names.nameOf(variable), palette.leafFill(), false);
            dot.edge(id(variable), id(fn), Map.of());
        }
        String label = options.showAttrs() ? AttributeTable.label(fn) : fn.name();
        dot.node(id(fn), DotWriter.attrs("label", label));
        List<Edge> next = fn.nextFunctions();
        for (Edge e : next) {
            if (e.function() != null) {
                dot.edge(id(e.function()), id(fn), Map.of());
                addNodes(e.function());
            }
        }
    }

    /** {@code w\n (5, 3)}, or micrograd's {@code { w (5, 3) | data … | grad … }} when values are shown. */
    private void tensorNode(Tensor t, String name, String fill, boolean output) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (options.values()) {
            attributes.put("label", RecordLabel.of(name + " " + ShapeText.of(t.size()), t, output));
            attributes.put("shape", "record");
        } else {
            attributes.put("label", name + "\n " + ShapeText.of(t.size()));
        }
        attributes.put("fillcolor", fill);
        dot.node(id(t), attributes);
    }

    /** n0, n1, … in order of first appearance, so the same graph always gives the same text. */
    private String id(Object o) {
        return ids.computeIfAbsent(o, k -> "n" + ids.size());
    }
}
