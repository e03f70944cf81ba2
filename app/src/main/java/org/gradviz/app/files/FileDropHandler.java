package org.gradviz.app.files;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Dropping a {@code .json} document or a {@code .py} cell onto the window opens it as {@link FileActions#open}
 * does (a cell runs off the FX thread with progress and Cancel, then asks about unsaved changes); other files
 * are not accepted while dragging.
 */
public final class FileDropHandler {
    private final FileActions actions;

    public FileDropHandler(FileActions actions) {
        this.actions = actions;
    }

    /** Handles drags over and drops onto {@code scene}. */
    public void install(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        scene.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    void dragOver(DragEvent event) {
        if (event.getGestureSource() == null && openable(event.getDragboard()).isPresent()) {
            event.acceptTransferModes(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
            event.consume();
        }
    }

    void dropped(DragEvent event) {
        Optional<Path> file = openable(event.getDragboard());
        event.setDropCompleted(file.isPresent());
        event.consume();
        // open after the drop is finished, so the source application is not kept waiting on our dialogs
        file.ifPresent(path -> javafx.application.Platform.runLater(() -> actions.open(path)));
    }

    private static Optional<Path> openable(Dragboard board) {
        return board.hasFiles() ? openable(board.getFiles()) : Optional.empty();
    }

    /** The file a drop of {@code files} opens: the only one, when it is a .json or .py file. */
    public static Optional<Path> openable(List<File> files) {
        if (files.size() != 1) {
            return Optional.empty();
        }
        Path file = files.get(0).toPath();
        return (FileActions.isDocument(file) || FileActions.isCell(file)) && files.get(0).isFile()
                ? Optional.of(file) : Optional.empty();
    }
}
