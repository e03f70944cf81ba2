package org.gradviz.app.animation.view;

import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.gradviz.app.animation.TracePlayer;

/**
 * The player's keys, anywhere in the window: Space plays or pauses, → and ← (a clicker's PageDown and PageUp)
 * step, Home and End jump. Keys
 * typed into a text field, a spinner or a combo box stay theirs.
 */
public final class PlayerKeys {
    private PlayerKeys() {
    }

    public static void install(Scene scene, TracePlayer player) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShiftDown() || typingInto(scene)
                    || player.recordingProperty().get() == null) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> player.togglePlay();
                case RIGHT, PAGE_DOWN -> player.stepForward(); // a presenter's clicker sends PageDown / PageUp
                case LEFT, PAGE_UP -> player.stepBack();
                case HOME -> player.restart();
                case END -> player.end();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static boolean typingInto(Scene scene) {
        javafx.scene.Node focus = scene.getFocusOwner();
        for (javafx.scene.Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof Spinner || n instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
    }
}
