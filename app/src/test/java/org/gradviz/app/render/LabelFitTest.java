package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graphviz sizes label boxes for the font gradviz draws with: every text line Graphviz lays out is as wide as
 * the bundled DejaVu Sans Mono sets it, so PNG and PDF text is neither squeezed nor spilling out.
 */
class LabelFitTest {
    /** DejaVu Sans Mono's advance is 1233 of 2048 font units per em, for every character. */
    private static final double EM_PER_CHARACTER = 1233.0 / 2048;

    @Test
    void theBundledFontIsMonospaceWithDejaVuSansMonosAdvance() {
        assertEquals(11 * 10 * EM_PER_CHARACTER, BundledFont.width("MmBackward0", 10), 1e-3);
        assertEquals(BundledFont.width("iiii", 10), BundledFont.width("WWWW", 10), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(GraphvizEngineKind.class)
    void graphvizMeasuresEveryLabelLineAsTheBundledFontSetsIt(GraphvizEngineKind engine) throws Exception {
        Pictures.assumeEngineAvailable(engine);
        GraphDocument d = new DocumentReader().read(Examples.file("mlp-two-layer.json"));
        CompiledDocument c = new DocumentCompiler().compile(d);
        c.backward();
        GraphOptions full = GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true);
        GraphvizService graphviz = GraphvizService.shared(engine);
        int lines = checkTextWidths(graphviz.layoutJson(AutogradDot.render(c.output(), c.tensors(), full)));
        lines += checkTextWidths(graphviz.layoutJson(NetworkDot.render(d, c, GraphOptions.DEFAULT.withValues(true))));
        assertTrue(lines > 50, lines + " text lines checked");
    }

    /** Checks each text operation of the layout; returns how many there were. */
    private static int checkTextWidths(String layoutJson) throws Exception {
        JsonNode root = new ObjectMapper().readTree(layoutJson);
        int count = 0;
        for (String group : new String[] {"objects", "edges"}) {
            for (JsonNode object : root.path(group)) {
                for (JsonNode ops : new JsonNode[] {object.path("_ldraw_"), object.path("_tldraw_"),
                        object.path("_hldraw_")}) {
                    double size = 14;
                    for (JsonNode op : ops) {
                        if (op.path("op").asText().equals("F")) {
                            size = op.path("size").asDouble();
                        } else if (op.path("op").asText().equals("T")) {
                            String text = op.path("text").asText();
                            double drawn = text.length() * size * EM_PER_CHARACTER;
                            double laidOut = op.path("width").asDouble();
                            // Graphviz rounds widths up to whole points: within 2% + 1 pt of the drawn width
                            assertEquals(drawn, laidOut, 0.02 * drawn + 1, "width of \"" + text + "\"");
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }
}
