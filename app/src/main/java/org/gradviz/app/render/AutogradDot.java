package org.gradviz.app.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.engine.Tensor;

/**
 * The autograd view as DOT, the way torchviz's {@code make_dot(root, params=names)} draws it: the
 * {@link AutogradPicture} of the root (the engine's real graph walked from the root's {@code grad_fn} along
 * {@code next_functions}), leaves that require grad as light-blue boxes feeding their {@code AccumulateGrad}, the
 * root as a {@code darkolivegreen1} box, edges in forward direction, the size growing with the graph as torchviz's
 * {@code resize_graph} makes it ({@link TorchvizSize}). With the light theme and no values the text equals
 * torchviz's, up to node ids.
 */
public final class AutogradDot {
    private AutogradDot() {
    }

    /** DOT for the graph of {@code root}; leaves are named from {@code named} (variable name to value). */
    public static String render(Tensor root, Map<String, ?> named, GraphOptions options) {
        return render(root, LeafNames.of(named), options);
    }

    public static String render(Tensor root, LeafNames names, GraphOptions options) {
        return render(AutogradPicture.of(root, names, options));
    }

    /** DOT for {@code picture}, drawn with the options it was made with. */
    public static String render(AutogradPicture picture) {
        return render(picture, picture.options());
    }

    /**
     * DOT for {@code picture} with {@code options}' theme, direction and dpi (what the picture holds, saved tensors,
     * attributes and values, is the picture's).
     */
    static String render(AutogradPicture picture, GraphOptions options) {
        return render(picture, options, AutogradMarks.NONE);
    }

    /**
     * DOT for {@code picture} at one moment of a backward pass: {@code marks}' values in place of the picture's,
     * nodes that ran drawn {@value StepColors#DONE} with a wider border, the running one {@value StepColors#RUNNING}
     * with a wide border, edges that carried a gradient labelled with it, the one it travels now drawn wide in
     * {@value StepColors#CURRENT}. With {@link AutogradMarks#NONE} the text equals {@link #render(AutogradPicture)}'s.
     */
    public static String render(AutogradPicture picture, AutogradMarks marks) {
        return render(picture, picture.options(), marks);
    }

    /** {@link #render(AutogradPicture, AutogradMarks)} with {@code options}' theme, direction and dpi. */
    public static String render(AutogradPicture picture, GraphOptions options, AutogradMarks marks) {
        Palette palette = Palette.of(options.theme());
        DotWriter dot = new DotWriter("digraph");
        Map<String, String> graph = new LinkedHashMap<>();
        graph.put("size", TorchvizSize.of(picture.statements().size()));
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
        for (PictureStatement statement : picture.statements()) {
            if (statement instanceof PictureNode n) {
                dot.node(n.id(), attributes(n, marks, palette));
            } else if (statement instanceof PictureEdge e) {
                dot.edge(e.from(), e.to(), attributes(e, marks));
            }
        }
        return dot.build();
    }

    private static Map<String, String> attributes(PictureEdge e, AutogradMarks marks) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (e.kind() == PictureEdge.Kind.SAVED) {
            attributes.put("dir", "none");
        }
        AutogradMarks.Carried carried = marks.edges().get(e);
        if (carried != null) {
            attributes.put("label", " " + carried.label());
            attributes.put("fontname", "monospace");
            attributes.put("fontsize", "9");
            String colour = carried.current() ? StepColors.CURRENT : StepColors.DONE;
            attributes.put("color", colour);
            attributes.put("fontcolor", colour);
            attributes.put("penwidth", carried.current() ? StepColors.CURRENT_WIDTH : StepColors.DONE_WIDTH);
        }
        return attributes;
    }

    private static Map<String, String> attributes(PictureNode n, AutogradMarks marks, Palette palette) {
        Map<String, String> attributes = new LinkedHashMap<>();
        PictureValues values = marks.values().getOrDefault(n.id(), n.values());
        if (values != null) {
            attributes.put("label", RecordLabel.of(n.title(), values));
            attributes.put("shape", "record");
        } else {
            attributes.put("label", n.label());
        }
        switch (n.kind()) {
            case LEAF -> attributes.put("fillcolor", palette.leafFill());
            case OUTPUT -> attributes.put("fillcolor", palette.outputFill());
            case SAVED -> attributes.put("fillcolor", palette.savedFill());
            case OP, ACCUMULATE_GRAD -> {
            }
        }
        AutogradMarks.NodeProgress progress = marks.nodes().get(n.id());
        if (progress != null) {
            boolean running = progress == AutogradMarks.NodeProgress.RUNNING;
            // NOTE: a filled node without fillcolor is filled with its color: keep the fill, colour only the border
            attributes.putIfAbsent("fillcolor", palette.opFill() == null ? "lightgrey" : palette.opFill());
            attributes.put("color", running ? StepColors.RUNNING : StepColors.DONE);
            attributes.put("penwidth", running ? StepColors.RUNNING_WIDTH : StepColors.DONE_WIDTH);
        }
        return attributes;
    }
}
