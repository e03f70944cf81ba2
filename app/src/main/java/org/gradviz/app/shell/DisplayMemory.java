package org.gradviz.app.shell;

import java.util.Locale;
import java.util.prefs.Preferences;
import org.gradviz.app.document.Theme;
import org.gradviz.app.editor.DisplaySettings;
import org.gradviz.app.editor.FontScale;

/**
 * Remembers the window's theme and text size in {@link Preferences} (tests pass their own node): restored when the
 * window opens, saved whenever they change. A document that names its own theme still applies it when it opens.
 */
final class DisplayMemory {
    private static final String THEME = "theme";
    private static final String FONT_SCALE = "font-scale";

    private final Preferences node;

    DisplayMemory(Preferences node) {
        this.node = node;
    }

    void remember(DisplaySettings display) {
        String theme = node.get(THEME, null);
        for (Theme each : Theme.values()) {
            if (each.id().equals(theme)) {
                display.themeProperty().set(each);
            }
        }
        display.fontScaleProperty().set(FontScale.clamp(node.getDouble(FONT_SCALE, FontScale.NORMAL)));
        display.themeProperty().addListener((obs, old, now) -> node.put(THEME, now.id()));
        display.fontScaleProperty().addListener((obs, old, now) -> node.put(FONT_SCALE,
                String.format(Locale.ROOT, "%.2f", now.doubleValue())));
    }
}
