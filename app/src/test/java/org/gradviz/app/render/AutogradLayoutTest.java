package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AutogradLayoutTest {

    /** y = 2 * x: output n0, MulBackward0 n1, AccumulateGrad n2, x n3. */
    private static AutogradPicture doubled() {
        Tensor x = Torch.ones(2).requiresGrad_(true);
        return AutogradPicture.of(x.mul(2.0), LeafNames.of(java.util.Map.of("x", x)), GraphOptions.DEFAULT);
    }

    private static AutogradPicture seed(GraphOptions options) {
        CompiledDocument c = new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
        return AutogradPicture.of(c.output(), LeafNames.of(c.tensors()), options);
    }

    @Test
    void graphvizCentresInchesAndSplinesBecomePointsWithYDownwards() {
        // bb 100 × 200 points; Graphviz lists the edges by tail, not in the DOT's order
        String json = """
                {"bb": "0,0,100,200", "objects": [
                  {"_gvid": 0, "name": "n0", "pos": "50,20", "width": "0.5", "height": "0.25"},
                  {"_gvid": 1, "name": "n1", "pos": "50,80", "width": "1.5", "height": "0.25",
                   "_ldraw_": [{"op": "F", "size": 10.0, "face": "monospace"},
                               {"op": "T", "pt": [50, 76.5], "align": "c", "width": 73, "text": "MulBackward0"}]},
                  {"_gvid": 2, "name": "n2", "pos": "50,140", "width": "1", "height": "0.25"},
                  {"_gvid": 3, "name": "n3", "pos": "50,180", "width": "0.5", "height": "0.5",
                   "_draw_": [{"op": "P", "points": [[32,162],[68,162],[68,198],[32,198]]},
                              {"op": "L", "points": [[32,180],[68,180]]}]}],
                 "edges": [
                  {"_gvid": 0, "tail": 1, "head": 0, "pos": "e,50,29 50,71 50,60 50,45 50,39",
                   "_hdraw_": [{"op": "c", "color": "#000000"},
                               {"op": "P", "points": [[53,39],[50,29],[47,39]]}]},
                  {"_gvid": 1, "tail": 2, "head": 1, "pos": "e,50,89 50,131 50,120 50,105 50,99",
                   "_hdraw_": [{"op": "P", "points": [[53,99],[50,89],[47,99]]}]},
                  {"_gvid": 2, "tail": 3, "head": 2, "pos": "e,50,149 50,171 50,165 50,160 50,159",
                   "_hdraw_": [{"op": "P", "points": [[53,159],[50,149],[47,159]]}]}]}
                """;
        AutogradPicture p = doubled();

        AutogradLayout layout = AutogradLayout.parse(p, json);

        assertEquals(new AutogradLayout.Box("n1", 50, 120, 108, 18,
                List.of(new LayoutText("MulBackward0", new LayoutPoint(50, 123.5), LayoutText.Align.CENTRE, 73, 10)),
                List.of()), layout.box("n1"));
        assertEquals(List.of(List.of(new LayoutPoint(32, 20), new LayoutPoint(68, 20))), layout.box("n3").rules(),
                "a record's field separator");
        assertEquals(100, layout.width());
        assertEquals(200, layout.height());
        assertEquals(List.of("n2->n1", "n3->n2", "n1->n0"),
                layout.curves().stream().map(c -> c.edge().from() + "->" + c.edge().to()).toList(),
                "in the picture's order");
        AutogradLayout.Curve out = layout.curves().get(2);
        assertEquals(List.of(new LayoutPoint(50, 129), new LayoutPoint(50, 140), new LayoutPoint(50, 155),
                new LayoutPoint(50, 161)), out.points(), "the end mark e,… is the arrow's tip, not on the spline");
        assertEquals(List.of(new LayoutPoint(53, 161), new LayoutPoint(50, 171), new LayoutPoint(47, 161)),
                out.arrowhead());
    }

    @Test
    void aLayoutWithoutABoxOfThePictureIsRefused() {
        RenderException e = assertThrows(RenderException.class,
                () -> AutogradLayout.parse(doubled(), "{\"bb\": \"0,0,10,10\", \"objects\": []}"));
        assertEquals("Graphviz's layout has no box n0: lay out the picture's own DOT (AutogradDot.render)",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(GraphvizEngineKind.class)
    void bothEnginesLayTheSeedNetworkOutWithoutOverlapsTopToBottom(GraphvizEngineKind kind) {
        assumeTrue(kind == GraphvizEngineKind.EMBEDDED || GraphvizEngineKind.detect() == GraphvizEngineKind.DOT_BINARY,
                "the dot program is not on the PATH");
        AutogradPicture p = seed(GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true));

        AutogradLayout layout = AutogradLayout.of(p, GraphvizService.shared(kind));

        List<AutogradLayout.Box> boxes = layout.boxes();
        assertEquals(p.nodes().size(), boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            AutogradLayout.Box a = boxes.get(i);
            assertTrue(a.minX() >= -0.5 && a.minY() >= -0.5 && a.minX() + a.width() <= layout.width() + 0.5
                    && a.minY() + a.height() <= layout.height() + 0.5, a + " inside " + layout.width() + "×" + layout.height());
            for (int j = i + 1; j < boxes.size(); j++) {
                AutogradLayout.Box b = boxes.get(j);
                boolean apart = a.minX() + a.width() <= b.minX() || b.minX() + b.width() <= a.minX()
                        || a.minY() + a.height() <= b.minY() || b.minY() + b.height() <= a.minY();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
        assertTrue(layout.box("n0").centreY() > layout.box("n1").centreY(), "the output is drawn at the bottom");
        for (PictureNode n : p.nodes()) {
            AutogradLayout.Box box = layout.box(n.id());
            assertEquals(n.lines().stream().filter(l -> !l.isBlank()).toList(),
                    box.texts().stream().map(LayoutText::text).toList(), "the label's lines, top to bottom");
            for (LayoutText t : box.texts()) {
                assertTrue(t.width() <= box.width() && t.at().y() > box.minY() && t.at().y() < box.minY() + box.height(),
                        t + " in " + box);
                assertEquals(10, t.fontSize());
            }
        }
        for (AutogradLayout.Curve c : layout.curves()) {
            assertTrue(c.points().size() >= 4 && (c.points().size() - 1) % 3 == 0, c.toString());
            assertEquals(c.edge().kind() == PictureEdge.Kind.SAVED, c.arrowhead().isEmpty(), c.toString());
        }
    }
}
