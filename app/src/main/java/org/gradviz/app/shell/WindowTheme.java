package org.gradviz.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Parent;
import org.gradviz.app.animation.view.AutogradStyles;
import org.gradviz.app.animation.view.AutogradView;
import org.gradviz.app.document.Theme;

/**
 * Puts a theme on the whole window: AtlantaFX's Primer Light or Dark for the controls, and a style class on the
 * window's root ({@code theme-dark}, {@code theme-high-contrast}) that gradviz.css uses for the canvas, the player,
 * the lens and the autograd view.
 */
final class WindowTheme {
    static final String DARK = AutogradStyles.THEME_DARK;
    static final String HIGH_CONTRAST = AutogradStyles.THEME_HIGH_CONTRAST;

    private WindowTheme() {
    }

    /**
     * Sets the controls' stylesheet for {@code theme}. Called before the window's first control exists too: the
     * first control to be created otherwise loads JavaFX's own Modena stylesheet (0.05-0.1 s), only for
     * {@link #apply} to replace it.
     */
    static void useStylesheet(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    static void apply(Theme theme, Parent root, AutogradView autograd) {
        useStylesheet(theme);
        root.getStyleClass().removeAll(DARK, HIGH_CONTRAST);
        if (theme == Theme.DARK) {
            root.getStyleClass().add(DARK);
        } else if (theme == Theme.HIGH_CONTRAST) {
            root.getStyleClass().add(HIGH_CONTRAST);
        }
        autograd.setTheme(theme);
    }
}
