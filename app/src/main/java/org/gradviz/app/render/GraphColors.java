package org.gradviz.app.render;

import java.awt.Color;
import java.util.Map;

/** Graphviz colour strings as AWT colours: {@code #rrggbb}, {@code #rrggbbaa}, and the X11 names gradviz uses. */
final class GraphColors {
    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("black", Color.BLACK),
            Map.entry("white", Color.WHITE),
            Map.entry("transparent", new Color(255, 255, 254, 0)),
            Map.entry("lightgrey", new Color(0xd3d3d3)),
            Map.entry("lightgray", new Color(0xd3d3d3)),
            Map.entry("lightblue", new Color(0xadd8e6)),
            Map.entry("orange", new Color(0xffa500)),
            Map.entry("darkolivegreen1", new Color(0xcaff70)),
            Map.entry("darkolivegreen3", new Color(0xa2cd5a)));

    private GraphColors() {
    }

    static Color parse(String s) {
        if (s == null || s.isEmpty()) {
            return Color.BLACK;
        }
        if (s.startsWith("#") && (s.length() == 7 || s.length() == 9)) {
            int r = Integer.parseInt(s.substring(1, 3), 16);
            int g = Integer.parseInt(s.substring(3, 5), 16);
            int b = Integer.parseInt(s.substring(5, 7), 16);
            int a = s.length() == 9 ? Integer.parseInt(s.substring(7, 9), 16) : 255;
            return new Color(r, g, b, a);
        }
        return NAMED.getOrDefault(s.toLowerCase(java.util.Locale.ROOT), Color.BLACK);
    }
}
