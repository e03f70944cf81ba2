package org.gradviz.app.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.Theme;

/**
 * The colours of a theme. Light is torchviz's own scheme and adds no attributes, so its DOT equals
 * {@code make_dot}'s; dark and high-contrast set background, text, lines and fills.
 */
record Palette(
        String background,
        String text,
        String line,
        String opFill,
        String leafFill,
        String outputFill,
        String savedFill,
        String clusterLine) {

    static Palette of(Theme theme) {
        return switch (theme) {
            case LIGHT -> new Palette(null, null, null, null, "lightblue", "darkolivegreen1", "orange", null);
            case DARK -> new Palette("#1e1f22", "#e6e6e6", "#a9b1bd", "#3c3f45", "#1f5f8b", "#4b6b1f", "#9a5b00",
                    "#a9b1bd");
            case HIGH_CONTRAST -> new Palette("#ffffff", "#000000", "#000000", "#ffffff", "#9fd3ff", "#b6ff5c",
                    "#ffb000", "#000000");
        };
    }

    /** Graph-level attributes for the background. */
    void graphAttributes(Map<String, String> out) {
        if (background != null) {
            out.put("bgcolor", background);
        }
        if (text != null) {
            out.put("fontcolor", text);
        }
    }

    /** Node defaults: the text and border colour, and the fill of op nodes. */
    void nodeAttributes(Map<String, String> out) {
        if (text != null) {
            out.put("fontcolor", text);
            out.put("color", line);
        }
        if (opFill != null) {
            out.put("fillcolor", opFill);
        }
    }

    /** Edge defaults. */
    Map<String, String> edgeAttributes() {
        Map<String, String> out = new LinkedHashMap<>();
        if (line != null) {
            out.put("color", line);
            out.put("fontcolor", text);
        }
        return out;
    }
}
