package org.gradviz.app.files;

import java.util.Objects;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.gradviz.app.editor.EditorModel;

/**
 * Wires the file features onto the main window in one call: the File menu, the unsaved-changes question
 * on close, drag and drop, autosave, and the offer to restore work left by a session that crashed.
 *
 * <pre>{@code
 * FilesSetup files = FilesSetup.install(stage, editorModel, CellImporter.UNAVAILABLE); // scene set first
 * menuBar.getMenus().add(0, files.menu());
 * }</pre>
 */
public final class FilesSetup {
    private final FileActions actions;
    private final FileMenu menu;
    private final Autosave autosave;

    private FilesSetup(FileActions actions, FileMenu menu, Autosave autosave) {
        this.actions = actions;
        this.menu = menu;
        this.autosave = autosave;
    }

    /** Call once the stage has its scene, before it is shown. */
    public static FilesSetup install(Stage stage, EditorModel model, CellImporter importer) {
        Objects.requireNonNull(stage.getScene(), "set the main window's scene before installing the file features");
        FxDialogs dialogs = new FxDialogs(() -> stage);
        FileActions actions = new FileActions(model, dialogs, RecentFiles.standard(),
                CellImportRunner.onFxThread(importer));
        FileMenu menu = new FileMenu(actions, stage::close);
        actions.guardClose(stage);
        new FileDropHandler(actions).install(stage.getScene());
        Autosave autosave = Autosave.forApp(model);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            autosave.close();
            actions.cells().cancel();
        });
        boolean[] offered = new boolean[1];
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (!offered[0]) {
                offered[0] = true;
                // after the window is up, so the question has an owner on screen
                javafx.application.Platform.runLater(() -> Recovery.forApp().offer(model, dialogs));
            }
        });
        return new FilesSetup(actions, menu, autosave);
    }

    public FileActions actions() {
        return actions;
    }

    public FileMenu menu() {
        return menu;
    }

    public Autosave autosave() {
        return autosave;
    }
}
