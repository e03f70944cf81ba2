package org.gradviz.app.shell;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.editor.panels.EditorMenuBar;

/**
 * Presentation mode (Ctrl+Shift+P, or the tool bar's Present): full screen with every piece of chrome hidden
 * (menus, tool bar, palette, inspector, console, status line), only the graph views and the player left, each
 * fitting itself to the screen; boxes drop their kind and shape lines and the network is packed for the screen
 * ({@link ScreenFit}) so their numbers can be larger; the player keeps only its sentence and step count. Esc, or leaving full screen, restores everything as it was.
 */
final class PresentationMode {
    private final BorderPane window;
    private final PanelToggles panels;
    private final GraphCanvas canvas;
    private final ScreenFit screenFit;
    private final org.gradviz.app.animation.view.PlayerBar player;
    /** While the screen is blanked, Esc only brings the picture back (the lecture keys' job), it does not leave. */
    private final java.util.function.BooleanSupplier blanked;
    private final javafx.beans.property.ReadOnlyBooleanWrapper on = new javafx.beans.property.ReadOnlyBooleanWrapper(
            this, "on", false);
    private Node top;
    private Node bottom;
    private boolean[] panelsShown;
    private boolean wasFullScreen;

    PresentationMode(BorderPane window, PanelToggles panels, GraphCanvas canvas, ScreenFit screenFit,
            org.gradviz.app.animation.view.PlayerBar player, java.util.function.BooleanSupplier blanked) {
        this.player = player;
        this.blanked = blanked;
        this.window = window;
        this.panels = panels;
        this.canvas = canvas;
        this.screenFit = screenFit;
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                listen(scene);
            }
        });
    }

    private void listen(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // after the lecture keys (Esc while blank only unblanks, and is consumed there) or before them
            if (on.get() && e.getCode() == KeyCode.ESCAPE && !e.isConsumed() && !blanked.getAsBoolean()) {
                leave();
                e.consume();
            }
        });
        scene.windowProperty().addListener((obs, old, w) -> {
            if (w instanceof Stage stage) {
                stage.fullScreenProperty().addListener((o, was, full) -> {
                    if (on.get() && !full && !wasFullScreen) {
                        leave(); // the window system (or its own Esc) ended full screen
                    }
                });
            }
        });
    }

    MenuItem item() {
        return EditorMenuBar.item("Presentation Mode", "Shortcut+Shift+P", this::toggle);
    }

    boolean isOn() {
        return on.get();
    }

    /** Whether presentation mode is on. */
    javafx.beans.property.ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    void toggle() {
        if (on.get()) {
            leave();
        } else {
            enter();
        }
    }

    void enter() {
        if (on.get()) {
            return;
        }
        on.set(true);
        top = window.getTop();
        bottom = window.getBottom();
        panelsShown = panels.shown();
        panels.show(new boolean[] {false, false, false});
        // hidden, not removed: the menus' accelerators (Ctrl+4, Ctrl+5, ...) stay on the scene
        shown(top, false);
        shown(bottom, false);
        canvas.setBoxDetailsShown(false);
        canvas.setFitMargin(ScreenFit.MARGIN);
        player.setCompact(true);
        stage().ifPresent(stage -> {
            wasFullScreen = stage.isFullScreen();
            stage.setFullScreenExitHint("Esc leaves presentation mode");
            // Esc is this mode's key (and only unblanks a blank screen), not the window system's
            stage.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        });
        screenFit.start();
    }

    void leave() {
        if (!on.get()) {
            return;
        }
        on.set(false);
        shown(top, true);
        shown(bottom, true);
        screenFit.stop();
        canvas.setBoxDetailsShown(true);
        canvas.setFitMargin(GraphCanvas.FIT_MARGIN);
        player.setCompact(false);
        panels.show(panelsShown);
        stage().ifPresent(stage -> {
            stage.setFullScreenExitKeyCombination(null); // the platform's default again
            stage.setFullScreen(wasFullScreen);
        });
    }

    private static void shown(Node chrome, boolean shown) {
        if (chrome != null) {
            chrome.setVisible(shown);
            chrome.setManaged(shown);
        }
    }

    private java.util.Optional<Stage> stage() {
        return window.getScene() != null && window.getScene().getWindow() instanceof Stage stage
                ? java.util.Optional.of(stage) : java.util.Optional.empty();
    }
}
