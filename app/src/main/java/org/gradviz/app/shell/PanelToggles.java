package org.gradviz.app.shell;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.editor.panels.EditorMenuBar;

/**
 * View ▸ Palette, Inspector, Console (Ctrl+1, 2, 3), Canvas Only (Ctrl+Shift+F) and Full Screen (F11): the
 * side panels make way so the boxes can be drawn large on a projector. The canvas fits itself again after.
 */
final class PanelToggles {
    private final BorderPane window;
    private final SplitPane middle;
    private final GraphCanvas canvas;
    private final Node palette;
    private final Node inspector;
    private final Node console;
    private final CheckMenuItem paletteItem = check("Palette", "Shortcut+1");
    private final CheckMenuItem inspectorItem = check("Inspector", "Shortcut+2");
    private final CheckMenuItem consoleItem = check("Console", "Shortcut+3");
    private double consoleDivider;

    PanelToggles(BorderPane window, SplitPane middle, GraphCanvas canvas, Node palette, Node inspector, Node console) {
        this.window = window;
        this.middle = middle;
        this.canvas = canvas;
        this.palette = palette;
        this.inspector = inspector;
        this.console = console;
        paletteItem.selectedProperty().addListener((obs, old, shown) -> {
            window.setLeft(shown ? palette : null);
            refit();
        });
        inspectorItem.selectedProperty().addListener((obs, old, shown) -> {
            window.setRight(shown ? inspector : null);
            refit();
        });
        consoleItem.selectedProperty().addListener((obs, old, shown) -> showConsole(shown));
    }

    /** The items for the View menu. */
    List<MenuItem> items() {
        return List.of(new SeparatorMenuItem(), paletteItem, inspectorItem, consoleItem,
                EditorMenuBar.item("Canvas Only", "Shortcut+Shift+F", this::toggleCanvasOnly),
                EditorMenuBar.item("Full Screen", "F11", this::toggleFullScreen));
    }

    /** Which panels are shown: palette, inspector, console. */
    boolean[] shown() {
        return new boolean[] {paletteItem.isSelected(), inspectorItem.isSelected(), consoleItem.isSelected()};
    }

    /** Shows the panels {@code shown()} told of, as they were. */
    void show(boolean[] panels) {
        paletteItem.setSelected(panels[0]);
        inspectorItem.setSelected(panels[1]);
        consoleItem.setSelected(panels[2]);
    }

    /** Hides every panel, or shows them all again when they are all hidden already. */
    void toggleCanvasOnly() {
        boolean show = !paletteItem.isSelected() && !inspectorItem.isSelected() && !consoleItem.isSelected();
        paletteItem.setSelected(show);
        inspectorItem.setSelected(show);
        consoleItem.setSelected(show);
    }

    private void toggleFullScreen() {
        if (window.getScene() != null && window.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
            // the stage takes its new size later, from the window system
            javafx.application.Platform.runLater(this::refit);
        }
    }

    private void showConsole(boolean shown) {
        if (shown && !middle.getItems().contains(console)) {
            middle.getItems().add(console);
            middle.setDividerPositions(consoleDivider);
        } else if (!shown && middle.getItems().contains(console)) {
            consoleDivider = middle.getDividerPositions()[0];
            middle.getItems().remove(console);
        }
        refit();
    }

    /** Lays the window out at once, so the canvas has its new size, then fits. */
    private void refit() {
        window.applyCss();
        window.layout();
        canvas.fit();
    }

    private static CheckMenuItem check(String text, String keys) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setSelected(true);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        return item;
    }
}
