package org.gradviz.app.render;

import java.awt.Color;
import org.gradviz.app.document.Theme;

/** The colour behind a graph drawn in a theme, for canvases around pictures (an animated GIF's). */
public final class ThemeBackground {
    private ThemeBackground() {
    }

    public static Color of(Theme theme) {
        String background = Palette.of(theme).background();
        return background == null ? Color.WHITE : GraphColors.parse(background);
    }
}
