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
 * fitting itself to the screen; boxes drop their kind and shape lines so their numbers can be larger. Esc, or leaving full screen, restores everything as it was.
 */
final class PresentationMode {
    private final BorderPane window;
    private final PanelToggles panels;
    private final GraphCanvas canvas;
    private boolean on;
    private Node top;
    private Node bottom;
    private boolean[] panelsShown;
    private boolean wasFullScreen;

    PresentationMode(BorderPane window, PanelToggles panels, GraphCanvas canvas) {
        this.window = window;
        this.panels = panels;
        this.canvas = canvas;
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                listen(scene);
            }
        });
    }

    private void listen(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (on && e.getCode() == KeyCode.ESCAPE) {
                leave();
                e.consume();
            }
        });
        scene.windowProperty().addListener((obs, old, w) -> {
            if (w instanceof Stage stage) {
                stage.fullScreenProperty().addListener((o, was, full) -> {
                    if (on && !full && !wasFullScreen) {
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
        return on;
    }

    void toggle() {
        if (on) {
            leave();
        } else {
            enter();
        }
    }

    void enter() {
        if (on) {
            return;
        }
        on = true;
        top = window.getTop();
        bottom = window.getBottom();
        panelsShown = panels.shown();
        panels.show(new boolean[] {false, false, false});
        // hidden, not removed: the menus' accelerators (Ctrl+4, Ctrl+5, ...) stay on the scene
        shown(top, false);
        shown(bottom, false);
        canvas.setBoxDetailsShown(false);
        stage().ifPresent(stage -> {
            wasFullScreen = stage.isFullScreen();
            stage.setFullScreenExitHint("Esc leaves presentation mode");
            stage.setFullScreen(true);
        });
    }

    void leave() {
        if (!on) {
            return;
        }
        on = false;
        shown(top, true);
        shown(bottom, true);
        canvas.setBoxDetailsShown(true);
        panels.show(panelsShown);
        stage().ifPresent(stage -> stage.setFullScreen(wasFullScreen));
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
