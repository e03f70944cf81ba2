package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.Position;
import org.junit.jupiter.api.Test;

class TidyLayoutTest {

    @Test
    void graphvizCentresWithUpwardYBecomeTopLeftCornersWithDownwardY() {
        // bb is 200 × 100 points; a 40 × 20 box centred at (50, 80) from the bottom has its top-left
        // corner at x = 50 − 20 = 30 and y = (100 − 80) − 10 = 10.
        String json = "{\"bb\": \"0,0,200,100\", \"objects\": [{\"name\": \"w\", \"pos\": \"50,80\"},"
                + " {\"name\": \"cluster\"}]}";
        Map<String, double[]> sizes = new LinkedHashMap<>();
        sizes.put("w", new double[] {40, 20});

        assertEquals(Map.of("w", new Position(30, 10)), TidyLayout.positions(json, sizes));
    }

    @Test
    void theDotTextGivesEachBoxItsSizeInInchesAndEveryEdge() {
        EditorModel model = new EditorModel();
        SeedNetBuilder.build(model);
        Map<String, double[]> sizes = new LinkedHashMap<>();
        sizes.put("x", new double[] {144, 72});

        String dot = TidyLayout.dot(model.document(), sizes);

        assertTrue(dot.contains("\"x\" [width=2.000, height=1.000];"), dot);
        assertTrue(dot.contains("\"add\" -> \"loss\";"), dot);
        assertTrue(dot.contains("rankdir=LR"), dot);
    }
}
