package org.gradviz.app.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.Clipboard;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.gradviz.app.document.GraphDocument;

/** {@link Dialogs} as JavaFX file choosers and alerts, owned by the main window. */
public final class FxDialogs implements Dialogs {
    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    static final ButtonType RESTORE = new ButtonType("Restore", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private final Supplier<Window> owner;
    /** Made once and shown for each slow import. */
    private ImportProgressDialog progress;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(Path initialFolder) {
        FileChooser chooser = chooser("Open", initialFolder);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("gradviz documents and PyTorch cells", "*.json", "*.py"),
                new FileChooser.ExtensionFilter("gradviz documents (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("PyTorch cells (*.py)", "*.py"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialFolder, String initialName) {
        FileChooser chooser = chooser("Save As", initialFolder);
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("gradviz documents (*.json)", "*.json"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public SaveChoice askSaveChanges(String documentName) {
        ButtonType answer = saveChangesAlert(documentName).showAndWait().orElse(ButtonType.CANCEL);
        return answer == SAVE ? SaveChoice.SAVE : answer == DONT_SAVE ? SaveChoice.DONT_SAVE : SaveChoice.CANCEL;
    }

    /**
     * "Save changes to NAME?" with Cancel as the default button: Enter must neither overwrite the file (an
     * example opened to show a class) nor throw the changes away.
     */
    Alert saveChangesAlert(String documentName) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes", "Save changes to " + documentName + "?",
                "Your changes will be lost if you don't save them.", SAVE, DONT_SAVE, ButtonType.CANCEL);
        DialogPane pane = alert.getDialogPane();
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        ((Button) pane.lookupButton(SAVE)).setDefaultButton(false);
        cancel.setDefaultButton(true);
        alert.setOnShown(e -> cancel.requestFocus());
        return alert;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, title, message, ButtonType.OK).showAndWait();
    }

    @Override
    public boolean askRestore(String description) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Restore unsaved work",
                "gradviz did not close cleanly last time.", description, RESTORE, DISCARD);
        return alert.showAndWait().orElse(DISCARD) == RESTORE;
    }

    @Override
    public Optional<GraphDocument> pasteCell(CellImportRunner cells) {
        String clipboard = Clipboard.getSystemClipboard().hasString() ? Clipboard.getSystemClipboard().getString() : "";
        PasteCellDialog dialog = new PasteCellDialog(new PasteCellModel(cells, clipboard));
        dialog.initOwner(owner.get());
        styleLikeOwner(dialog.getDialogPane());
        return dialog.showAndWait();
    }

    @Override
    public void showImportProgress(CellImportRunner cells) {
        if (progress == null || progress.runner() != cells) {
            progress = new ImportProgressDialog(cells);
            progress.initOwner(owner.get());
            progress.initModality(Modality.WINDOW_MODAL);
            styleLikeOwner(progress.getDialogPane());
        }
        progress.showWhenSlow();
    }

    private FileChooser chooser(String title, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content, ButtonType... buttons) {
        Alert alert = new Alert(type, content, buttons);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        styleLikeOwner(alert.getDialogPane());
        return alert;
    }

    private void styleLikeOwner(DialogPane pane) {
        DialogStyle.likeOwner(pane, owner.get());
    }
}
