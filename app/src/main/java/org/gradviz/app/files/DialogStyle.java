package org.gradviz.app.files;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * Dialogs have scenes of their own: they get the main window's stylesheets (fonts, colours) and its theme's style
 * classes ({@code theme-dark}, {@code theme-high-contrast}), so a dark window does not open a dialog with dark text
 * on a dark background.
 */
public final class DialogStyle {
    private DialogStyle() {
    }

    public static void likeOwner(DialogPane pane, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        pane.getStylesheets().addAll(owner.getScene().getStylesheets());
        owner.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                .forEach(pane.getStyleClass()::add);
    }
}
