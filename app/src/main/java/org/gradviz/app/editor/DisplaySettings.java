package org.gradviz.app.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.gradviz.app.document.Theme;

/**
 * How the window shows the graph, apart from what it shows: the theme, the canvas text size ({@link FontScale}),
 * whether values and gradients are shown, and reveal (values and gradients hidden until the player steps to them, so a class can predict them first). Not part
 * of the document and not undone; the window remembers theme and text size.
 */
public final class DisplaySettings {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final DoubleProperty fontScale = new SimpleDoubleProperty(this, "fontScale", FontScale.NORMAL);
    private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal", false);
    private final BooleanProperty valuesShown = new SimpleBooleanProperty(this, "valuesShown", true);

    public DisplaySettings() {
        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(Theme.LIGHT);
            }
        });
        fontScale.addListener((obs, old, now) -> {
            double clamped = FontScale.clamp(now.doubleValue());
            if (clamped != now.doubleValue()) {
                fontScale.set(clamped);
            }
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme theme() {
        return theme.get();
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public double fontScale() {
        return fontScale.get();
    }

    public void largerText() {
        fontScale.set(FontScale.larger(fontScale.get()));
    }

    public void smallerText() {
        fontScale.set(FontScale.smaller(fontScale.get()));
    }

    /** Whether the views show values and gradients (off: the graph's structure only, empty grids). */
    public BooleanProperty valuesShownProperty() {
        return valuesShown;
    }

    public boolean showsValues() {
        return valuesShown.get();
    }

    public BooleanProperty revealProperty() {
        return reveal;
    }

    public boolean reveals() {
        return reveal.get();
    }
}
