package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.api.Test;

class NetworkDotTest {
    private final GraphDocument document = new DocumentReader().read(Examples.file("one-layer-bce.json"));

    @Test
    void oneLayerNetworkIsTheCourseDiagram() {
        String dot = NetworkDot.render(document, null, GraphOptions.DEFAULT);
        DotStructure s = DotStructure.of(dot.replaceAll("(?m)^\\t\\t", "\t"));
        assertEquals(List.of("w fill=lightblue", "b fill=lightblue", "x fill=white", "y fill=white",
                "\"*\" fill=lightgrey", "\"+\" fill=lightgrey", "z fill=white", "CE fill=lightgrey",
                "loss fill=darkolivegreen1"), s.nodes());
        assertEquals(List.of("\"+\" -> z", "CE -> loss", "x -> \"*\"", "w -> \"*\" [label=other]",
                "\"*\" -> \"+\"", "b -> \"+\" [label=other]", "z -> CE", "y -> CE [label=target]"), s.edges());
    }

    @Test
    void parametersSitInADashedClusterLeftToRight() {
        String dot = NetworkDot.render(document, null, GraphOptions.DEFAULT);
        assertTrue(dot.contains("graph [rankdir=LR fontname=monospace fontsize=10]"), dot);
        assertTrue(dot.contains("subgraph cluster_parameters {\n\t\tlabel=Parameters\n\t\tstyle=dashed\n"
                + "\t\tv_w [label=w fillcolor=lightblue]\n\t\tv_b [label=b fillcolor=lightblue]\n\t}"), dot);
    }

    @Test
    void valuesShowDataAndGrad() {
        CompiledDocument c = new DocumentCompiler().compile(document);
        c.backward();
        String dot = NetworkDot.render(document, c, GraphOptions.DEFAULT.withValues(true));
        assertTrue(dot.contains("{ z (3) | data [1.3755, -0.6023, -4.8127] | grad [0.2661, 0.1179, 0.0027] }"), dot);
    }

    @Test
    void aChainOfAHundredThousandBoxesIsDrawnWithEveryEdgeInLinearTime() {
        int boxes = 100_000;
        GraphDocument chain = org.gradviz.app.document.ChainDocuments.chain(boxes);

        // each edge's producer was found by a scan of every node: quadratic, minutes at this size
        String dot = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> NetworkDot.render(chain, null, GraphOptions.DEFAULT));

        // per mul: its circle feeds its box, and the box before it (x for m1) feeds its circle
        assertEquals(2L * (boxes - 1), dot.lines().filter(line -> line.contains(" -> ")).count());
        assertTrue(dot.contains("\tv_x -> op_m1\n"), "x feeds the first mul");
        assertTrue(dot.contains("\tv_m99998 -> op_m99999\n"), "the last edge");
    }
}
