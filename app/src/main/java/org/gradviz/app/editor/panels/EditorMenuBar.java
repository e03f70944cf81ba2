package org.gradviz.app.editor.panels;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.canvas.GraphCanvas;

/** Edit, View and Run menus: every command with its key, so nothing needs the mouse to be found. */
public final class EditorMenuBar extends MenuBar {
    private final Menu view;

    public EditorMenuBar(EditorModel model, GraphCanvas canvas, Runnable tidy, Runnable train, Runnable stopTraining,
            Menu... leading) {
        getMenus().addAll(leading);
        Menu edit = new Menu("Edit", null,
                item("Undo", "Shortcut+Z", model::undo),
                item("Redo", "Shortcut+Shift+Z", model::redo),
                new SeparatorMenuItem(),
                item("Cut", "Shortcut+X", model::cutSelection),
                item("Copy", "Shortcut+C", model::copySelection),
                item("Paste", "Shortcut+V", model::paste),
                item("Delete", "Delete", model::deleteSelection),
                item("Select All", "Shortcut+A", model::selectAll),
                new SeparatorMenuItem(),
                item("Align Left", "Shortcut+Shift+L", () -> model.alignSelection(EditorModel.Alignment.LEFT)),
                item("Align Top", "Shortcut+Shift+T", () -> model.alignSelection(EditorModel.Alignment.TOP)));
        Menu view = new Menu("View", null,
                item("Zoom In", "Shortcut+EQUALS", canvas::zoomIn),
                item("Zoom Out", "Shortcut+MINUS", canvas::zoomOut),
                item("Fit", "Shortcut+0", canvas::fit),
                new SeparatorMenuItem(),
                item("Tidy Layout (Graphviz)", "Shortcut+L", tidy));
        Menu run = new Menu("Run", null,
                item("Forward", "F5", model::forward),
                item("Backward", "F6", model::backward),
                item("Step (SGD)", "F7", model::step),
                item("Zero Grads", "F8", model::zeroGrads),
                item("Reset", "Shortcut+R", model::reset),
                new SeparatorMenuItem(),
                item("Train", "Shortcut+T", train),
                stopItem(model, stopTraining),
                new SeparatorMenuItem(),
                toggle("retain_graph (Backward keeps the saved tensors)", "Shortcut+Shift+R", model.retainGraphProperty()),
                toggle("no_grad (Forward records no graph)", "Shortcut+Shift+N", model.noGradProperty()),
                new SeparatorMenuItem(),
                item("Detach Selected", "Shortcut+D", model::detachSelected));
        this.view = view;
        getMenus().addAll(edit, view, run);
        setUseSystemMenuBar(true);
    }

    /** The View menu, for the window to add what only it can do (panels, full screen). */
    public Menu viewMenu() {
        return view;
    }

    /** Stop Training, on Esc: enabled only while Train runs, so Esc keeps its other uses otherwise. */
    private static MenuItem stopItem(EditorModel model, Runnable stop) {
        MenuItem item = item("Stop Training", "Esc", stop);
        item.disableProperty().bind(model.trainingProperty().not());
        return item;
    }

    private static MenuItem toggle(String text, String keys, javafx.beans.property.BooleanProperty on) {
        javafx.scene.control.CheckMenuItem item = new javafx.scene.control.CheckMenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.selectedProperty().bindBidirectional(on);
        return item;
    }

    public static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }
}
