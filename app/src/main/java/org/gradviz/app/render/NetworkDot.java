package org.gradviz.app.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.ShapeText;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;

/**
 * The network view as DOT, like the diagram of the seed course notes: tensors as boxes, ops as circles with
 * their symbol ({@code *}, {@code +}, {@code CE}), parameters inside a dashed cluster labelled "Parameters",
 * left to right. An op whose node has {@code "showValue": false} feeds the next op directly.
 */
public final class NetworkDot {
    private final GraphDocument document;
    private final CompiledDocument compiled;
    private final NetworkValues values;
    private final GraphOptions options;
    private final Palette palette;
    private DotWriter dot;

    private NetworkDot(GraphDocument document, CompiledDocument compiled, NetworkValues values, GraphOptions options) {
        this.document = document;
        this.compiled = compiled;
        this.values = values;
        this.options = options;
        this.palette = Palette.of(options.theme());
    }

    /** DOT for {@code document}; {@code compiled} (may be null) supplies values when they are shown. */
    public static String render(GraphDocument document, CompiledDocument compiled, GraphOptions options) {
        NetworkValues live = compiled == null ? name -> null
                : name -> compiled.tensor(name) == null ? null : PictureValues.of(compiled.tensor(name), false);
        return render(document, compiled, live, options);
    }

    /**
     * DOT for {@code document} with the values of {@code values} when values are shown (e.g. those of one step of a
     * recording); {@code compiled} (may be null) supplies the shapes of computed boxes and the output.
     */
    public static String render(GraphDocument document, CompiledDocument compiled, NetworkValues values,
            GraphOptions options) {
        return new NetworkDot(document, compiled, values, options).build();
    }

    private String build() {
        dot = new DotWriter("digraph");
        Map<String, String> graph = new LinkedHashMap<>();
        LayoutDirection rankdir = options.rankdir() == null ? LayoutDirection.LR : options.rankdir();
        graph.put("rankdir", rankdir.name());
        // NOTE: no size limit (torchviz's size="12,12" is for the autograd view): a network diagram is drawn at
        // its natural size, so its labels stay readable in pictures
        graph.put("fontname", "monospace");
        graph.put("fontsize", "10");
        if (options.dpi() != null) {
            graph.put("dpi", options.dpi().toString());
        }
        palette.graphAttributes(graph);
        dot.defaults("graph", graph);
        Map<String, String> node = DotWriter.attrs("fontname", "monospace", "fontsize", "10", "height", "0.2",
                "shape", "box", "style", "filled");
        palette.nodeAttributes(node);
        node.remove("fillcolor");
        dot.defaults("node", node);
        Map<String, String> edge = DotWriter.attrs("fontname", "monospace", "fontsize", "9");
        edge.putAll(palette.edgeAttributes());
        dot.defaults("edge", edge);
        dot.beginSubgraph("cluster_parameters");
        dot.statement("label", "Parameters");
        dot.statement("style", "dashed");
        if (palette.clusterLine() != null) {
            dot.statement("color", palette.clusterLine());
        }
        for (TensorSource t : document.tensors()) {
            if (t.role() == TensorRole.PARAMETER) {
                tensorNode(t.name(), t.shape(), palette.leafFill());
            }
        }
        dot.endSubgraph();
        for (TensorSource t : document.tensors()) {
            if (t.role() != TensorRole.PARAMETER) {
                tensorNode(t.name(), t.shape(), inputFill());
            }
        }
        for (OpNode n : document.nodes()) {
            dot.node(opId(n.name()), DotWriter.attrs("label", n.op().symbol(), "shape", "circle",
                    "fillcolor", opFill(), "width", "0.4", "fixedsize", "false"));
            if (n.showsValue()) {
                boolean output = n.name().equals(outputName());
                tensorNode(n.name(), compiled == null ? null : listOf(compiled.tensor(n.name()).size()),
                        output ? palette.outputFill() : inputFill());
                dot.edge(opId(n.name()), valueId(n.name()), DotWriter.attrs());
            }
        }
        for (Connection e : document.edges()) {
            dot.edge(producer(e.from()), opId(e.to()), e.port().equals("input") ? DotWriter.attrs()
                    : DotWriter.attrs("label", e.port()));
        }
        return dot.build();
    }

    private String outputName() {
        return compiled != null ? compiled.outputName() : document.output();
    }

    /** Where the value of {@code name} leaves from: its box, or its op's circle when the box is hidden. */
    private String producer(String name) {
        return document.node(name).map(n -> n.showsValue() ? valueId(name) : opId(name)).orElse(valueId(name));
    }

    private void tensorNode(String name, java.util.List<Integer> shape, String fill) {
        Map<String, String> attributes = new LinkedHashMap<>();
        PictureValues shown = options.values() ? values.of(name) : null;
        if (shown != null) {
            String title = name + (shape == null ? "" : " " + ShapeText.of(shape));
            attributes.put("label", RecordLabel.of(title, shown));
            attributes.put("shape", "record");
        } else {
            attributes.put("label", name);
        }
        attributes.put("fillcolor", fill);
        dot.node(valueId(name), attributes);
    }

    private String inputFill() {
        return palette.opFill() == null ? "white" : palette.opFill();
    }

    private String opFill() {
        return palette.opFill() == null ? "lightgrey" : palette.opFill();
    }

    private static java.util.List<Integer> listOf(int[] dims) {
        return java.util.Arrays.stream(dims).boxed().toList();
    }

    private static String valueId(String name) {
        return "v_" + name;
    }

    private static String opId(String name) {
        return "op_" + name;
    }
}
