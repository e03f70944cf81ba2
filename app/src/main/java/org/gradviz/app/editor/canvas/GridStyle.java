package org.gradviz.app.editor.canvas;

import org.gradviz.app.document.Theme;

/**
 * How tensor grids are drawn: the size of their numbers (the text scale applied), the theme's colours, and whether
 * numbers are shown at all (off: empty cells, the graph's structure only).
 */
public record GridStyle(double fontSize, GridPalette palette, boolean valuesShown) {
    /** The size of a box's grid numbers at text scale 100 %. */
    public static final double BOX_FONT = 13;

    public static GridStyle of(double size, Theme theme) {
        return new GridStyle(size, GridPalette.of(theme), true);
    }

    public GridStyle withValuesShown(boolean shown) {
        return new GridStyle(fontSize, palette, shown);
    }
}
