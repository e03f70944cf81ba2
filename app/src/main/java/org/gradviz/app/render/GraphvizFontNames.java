package org.gradviz.app.render;

import java.util.regex.Pattern;

/**
 * The font name Graphviz is asked to measure text with. The {@code dot} program measures {@code monospace} with
 * the machine's monospace font (DejaVu Sans Mono where fonts-dejavu is installed), but viz.js, the embedded
 * engine, has only three built-in width tables picked by the name's start (Courier, Arial, Times) and measures
 * every other name, monospace included, as Times: far too narrow for the font gradviz draws with. Its Courier
 * table has the 0.6 em advance of monospace fonts (DejaVu Sans Mono: 0.602 em), so the embedded engine is
 * given Courier. The DOT files gradviz writes keep torchviz's {@code monospace}.
 */
final class GraphvizFontNames {
    private static final Pattern MONOSPACE = Pattern.compile("\\bfontname=(?:monospace|\"monospace\")");

    private GraphvizFontNames() {
    }

    /** {@code dot} as the embedded engine should see it: monospace measured with its Courier table. */
    static String forEmbeddedEngine(String dot) {
        return MONOSPACE.matcher(dot).replaceAll("fontname=Courier");
    }
}
