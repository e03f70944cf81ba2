package org.gradviz.app.render;

import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.Theme;
import org.gradviz.app.document.ViewSettings;

/**
 * How a graph is drawn, for both views.
 *
 * @param rankdir null for the view's own default (autograd top to bottom, network left to right)
 * @param values show values and gradients in the labels, micrograd's {@code data | grad}, 4 decimals
 * @param dpi null for Graphviz's default (96 for pictures, no attribute in DOT)
 */
public record GraphOptions(
        LayoutDirection rankdir,
        boolean showSaved,
        boolean showAttrs,
        boolean values,
        Theme theme,
        Integer dpi) {

    public static final GraphOptions DEFAULT = new GraphOptions(null, false, false, false, Theme.LIGHT, null);

    public GraphOptions {
        theme = theme == null ? Theme.LIGHT : theme;
    }

    /** The options a document's view settings ask for. */
    public static GraphOptions from(ViewSettings view) {
        return new GraphOptions(view.rankdir(), Boolean.TRUE.equals(view.showSaved()),
                Boolean.TRUE.equals(view.showAttrs()), Boolean.TRUE.equals(view.values()), view.theme(), view.dpi());
    }

    public GraphOptions withRankdir(LayoutDirection value) {
        return new GraphOptions(value, showSaved, showAttrs, values, theme, dpi);
    }

    public GraphOptions withShowSaved(boolean value) {
        return new GraphOptions(rankdir, value, showAttrs, values, theme, dpi);
    }

    public GraphOptions withShowAttrs(boolean value) {
        return new GraphOptions(rankdir, showSaved, value, values, theme, dpi);
    }

    public GraphOptions withValues(boolean value) {
        return new GraphOptions(rankdir, showSaved, showAttrs, value, theme, dpi);
    }

    public GraphOptions withTheme(Theme value) {
        return new GraphOptions(rankdir, showSaved, showAttrs, values, value, dpi);
    }

    public GraphOptions withDpi(Integer value) {
        return new GraphOptions(rankdir, showSaved, showAttrs, values, theme, value);
    }
}
