package org.gradviz.app.files;

import java.nio.file.Path;
import java.util.Optional;
import org.gradviz.app.document.GraphDocument;

/**
 * The questions the file actions ask the user. {@link FxDialogs} asks with JavaFX dialogs; tests answer
 * with a fake, so the file actions need no toolkit.
 */
public interface Dialogs {

    /** A file to open (a {@code .json} document or a {@code .py} cell), or empty when cancelled. */
    Optional<Path> chooseFileToOpen(Path initialFolder);

    /** Where to save, or empty when cancelled. */
    Optional<Path> chooseFileToSave(Path initialFolder, String initialName);

    /** "Save changes to NAME?" with Save, Don't Save and Cancel. */
    SaveChoice askSaveChanges(String documentName);

    /** Tells that something could not be done; {@code message} is one line naming the file and the place. */
    void showError(String title, String message);

    /** Offers to restore work autosaved by a session that did not end cleanly; true to restore. */
    boolean askRestore(String description);

    /**
     * Lets the user paste a cell and import it through {@code cells}; empty when cancelled. Nothing is returned
     * on refusal.
     */
    Optional<GraphDocument> pasteCell(CellImportRunner cells);

    /** Shows that {@code cells} is importing a cell, with a Cancel, until the import ends; returns at once. */
    void showImportProgress(CellImportRunner cells);
}
