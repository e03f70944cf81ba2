package org.gradviz.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.gradviz.app.editor.DisplaySettings;
import org.gradviz.app.editor.FontScale;

/**
 * The presenter's keys, on the scene so they work with every panel hidden (presentation mode has no menu bar to
 * carry accelerators): Ctrl+Shift+= and Ctrl+Shift+− step the text size; B (or . as clickers send it) blanks the
 * screen and any key brings it back; L turns the spotlight on and off. Letters are left to text fields that have the
 * focus. Handled keys are consumed, so the menus' accelerators for the same keys do not act twice.
 */
final class LectureKeys {
    private final DisplaySettings display;
    private final LectureOverlay overlay;

    private LectureKeys(DisplaySettings display, LectureOverlay overlay) {
        this.display = display;
        this.overlay = overlay;
    }

    static void install(Scene scene, DisplaySettings display, LectureOverlay overlay) {
        LectureKeys keys = new LectureKeys(display, overlay);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (keys.handle(e, scene)) {
                e.consume();
            }
        });
    }

    private boolean handle(KeyEvent e, Scene scene) {
        if (overlay.blankedProperty().get()) {
            if (e.getCode().isModifierKey()) {
                return false;
            }
            overlay.blankedProperty().set(false); // any key brings the picture back, and only that
            return true;
        }
        if (e.isShortcutDown() && e.isShiftDown()) {
            return textSize(e.getCode());
        }
        if (e.isShortcutDown() || e.isAltDown() || scene.getFocusOwner() instanceof TextInputControl) {
            return false;
        }
        return switch (e.getCode()) {
            case B, PERIOD -> {
                overlay.blankedProperty().set(true);
                yield true;
            }
            case L -> {
                overlay.spotlightProperty().set(!overlay.spotlightProperty().get());
                yield true;
            }
            default -> false;
        };
    }

    private boolean textSize(KeyCode code) {
        switch (code) {
            case EQUALS, PLUS, ADD -> display.largerText();
            case MINUS, SUBTRACT, UNDERSCORE -> display.smallerText();
            default -> {
                return false;
            }
        }
        overlay.flash("Text " + FontScale.percent(display.fontScale()));
        return true;
    }
}
