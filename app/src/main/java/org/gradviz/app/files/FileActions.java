package org.gradviz.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.IoReason;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.SourceText;

/**
 * New, Open, Save, Save As, recent files and pasted cells for the editor. Asks through {@link Dialogs};
 * never loses the open document to a failed open, and keeps the unsaved mark when a save fails.
 * Every message is one line naming the file and what went wrong. Cells import off the FX thread through
 * the {@link CellImportRunner}, one at a time, with progress and Cancel.
 */
public final class FileActions {
    /** The extension of gradviz documents. */
    public static final String DOCUMENT_EXTENSION = ".json";
    /** The extension of PyTorch cells, opened through the {@link CellImporter}. */
    public static final String CELL_EXTENSION = ".py";
    static final String UNTITLED = "untitled";

    private final EditorModel model;
    private final Dialogs dialogs;
    private final RecentFiles recent;
    private final CellImportRunner cells;
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();
    /** The name Save As offers for a document with no file yet (an imported cell keeps its stem). */
    private String suggestedName = UNTITLED + DOCUMENT_EXTENSION;
    /** Where the last chooser was, so the next one opens there. */
    private Path lastFolder;

    public FileActions(EditorModel model, Dialogs dialogs, RecentFiles recent, CellImportRunner cells) {
        this.model = model;
        this.dialogs = dialogs;
        this.recent = recent;
        this.cells = cells;
    }

    /** With JavaFX dialogs owned by the window {@code owner} gives, and cells imported for the FX thread. */
    public FileActions(EditorModel model, Supplier<Window> owner, RecentFiles recent, CellImporter importer) {
        this(model, new FxDialogs(owner), recent, CellImportRunner.onFxThread(importer));
    }

    // ----- commands

    /** Replaces the document with an empty one, after asking about unsaved changes. */
    public boolean newDocument() {
        if (!confirmDiscard()) {
            return false;
        }
        model.load(EditorModel.emptyDocument(), null);
        suggestedName = UNTITLED + DOCUMENT_EXTENSION;
        return true;
    }

    /** Asks for a file and opens it; false when cancelled or the file could not be opened. */
    public boolean open() {
        return dialogs.chooseFileToOpen(initialFolder()).map(this::open).orElse(false);
    }

    /**
     * Opens a {@code .json} document (drafts too: what the editor saved, it opens), or starts importing a
     * {@code .py} cell (see {@link #importCell}). The file is read first: when it cannot be, the error is shown
     * and the open document stays.
     *
     * @return true when the document was opened, or the cell's import started
     */
    public boolean open(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        if (isCell(file)) {
            return importCell(file);
        }
        Optional<GraphDocument> read = read(file);
        if (read.isEmpty() || !confirmDiscard()) {
            return false;
        }
        model.load(read.get(), file);
        suggestedName = fileName(file);
        recent.add(file);
        return true;
    }

    /**
     * Starts running the cell off the FX thread, with progress and Cancel, and returns. Only a cell that
     * imports whole replaces the document, after the question about unsaved changes: asked once the cell has
     * run, a refused or cancelled cell asks nothing. A refused cell shows its lines; a cancelled one leaves a
     * note in the status line and the console. False when the file cannot be read or a cell is importing.
     */
    private boolean importCell(Path file) {
        String name = fileName(file);
        String source;
        try {
            source = SourceText.decode(Files.readAllBytes(file), name);
        } catch (IOException e) {
            dialogs.showError("Cannot open " + name, "cannot read " + file + ": " + IoReason.of(e));
            return false;
        } catch (ScriptSyntaxError e) {
            dialogs.showError("Cannot open " + name, e.format(name));
            return false;
        }
        if (!cells.start(source, name, outcome -> imported(file, outcome))) {
            dialogs.showError("Cannot import " + name, name + " was not opened: another cell is still being "
                    + "imported; wait for it or cancel it first");
            return false;
        }
        dialogs.showImportProgress(cells);
        return true;
    }

    private void imported(Path file, CellImportRunner.Outcome outcome) {
        String name = fileName(file);
        if (outcome instanceof CellImportRunner.Outcome.Imported done) {
            if (confirmDiscard()) {
                // a cell is not a document: saving must not write JSON over the .py
                model.load(done.document(), null);
                suggestedName = stem(name) + DOCUMENT_EXTENSION;
                recent.add(file);
            }
        } else if (outcome instanceof CellImportRunner.Outcome.Refused refused) {
            dialogs.showError("Cannot import " + name, name + ", " + refused.reason().getMessage());
        } else {
            model.reportNote("Import of " + name + " cancelled: the document was not changed");
        }
    }

    /** Opens a file from the recent list; one that is gone is taken off the list, with a message. */
    public boolean openRecent(Path file) {
        if (!Files.isRegularFile(file)) {
            recent.remove(file);
            dialogs.showError("File not found", fileName(file) + " is no longer at " + file.toAbsolutePath()
                    + "; it was removed from the recent files");
            return false;
        }
        return open(file);
    }

    /** Saves to the document's file, or asks where when it has none. False when cancelled or failed. */
    public boolean save() {
        Path file = model.fileProperty().get();
        return file == null ? saveAs() : write(file);
    }

    /** Asks where to save (adding {@code .json} when the name has no extension) and saves there. */
    public boolean saveAs() {
        Path current = model.fileProperty().get();
        String name = current == null ? suggestedName : fileName(current);
        return dialogs.chooseFileToSave(initialFolder(), name)
                .map(FileActions::withDocumentExtension)
                .map(this::write)
                .orElse(false);
    }

    /** Asks for a cell to paste and, when it imports, shows its network (after asking about unsaved changes). */
    public boolean pasteCell() {
        Optional<GraphDocument> imported = dialogs.pasteCell(cells);
        if (imported.isEmpty() || !confirmDiscard()) {
            return false;
        }
        model.load(imported.get(), null);
        suggestedName = "cell" + DOCUMENT_EXTENSION;
        return true;
    }

    /**
     * Before the document is replaced or the window closed: when there are unsaved changes, asks "Save
     * changes to NAME?". True when it is fine to go on (saved, or the user chose not to save); false on
     * Cancel or when the save did not happen.
     */
    public boolean confirmDiscard() {
        if (!model.history().unsavedProperty().get()) {
            return true;
        }
        return switch (dialogs.askSaveChanges(documentName())) {
            case SAVE -> save();
            case DONT_SAVE -> true;
            case CANCEL -> false;
        };
    }

    /** Makes closing {@code window} ask about unsaved changes first; Cancel keeps it open. */
    public void guardClose(Window window) {
        window.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
            if (!confirmDiscard()) {
                event.consume();
            }
        });
    }

    /** The name shown in questions and Save As: the file's name, or {@code untitled}. */
    public String documentName() {
        Path file = model.fileProperty().get();
        return file == null ? UNTITLED : fileName(file);
    }

    public RecentFiles recentFiles() {
        return recent;
    }

    /** Imports the cells opened, dropped and pasted, one at a time. */
    public CellImportRunner cells() {
        return cells;
    }

    // ----- reading and writing

    private Optional<GraphDocument> read(Path file) {
        try {
            return Optional.of(reader.readDraft(file));
        } catch (DocumentException e) {
            String name = fileName(file);
            dialogs.showError("Cannot open " + name, name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private boolean write(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        try {
            writer.save(model.document(), file);
        } catch (IOException | DocumentException e) {
            String why = e instanceof IOException io ? IoReason.of(io) : e.getMessage();
            dialogs.showError("Cannot save " + fileName(file), "cannot write " + file + ": " + why
                    + "; the document is not saved");
            return false;
        }
        model.markSaved(file);
        suggestedName = fileName(file);
        recent.add(file);
        return true;
    }

    // ----- names

    private Path initialFolder() {
        Path file = model.fileProperty().get();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            return file.toAbsolutePath().getParent();
        }
        if (lastFolder != null) {
            return lastFolder;
        }
        return Path.of(System.getProperty("user.home"));
    }

    static boolean isCell(Path file) {
        return fileName(file).toLowerCase(Locale.ROOT).endsWith(CELL_EXTENSION);
    }

    static boolean isDocument(Path file) {
        return fileName(file).toLowerCase(Locale.ROOT).endsWith(DOCUMENT_EXTENSION);
    }

    /** {@code net} becomes {@code net.json}; a name with an extension stays as the user typed it. */
    static Path withDocumentExtension(Path file) {
        String name = fileName(file);
        return name.contains(".") ? file : file.resolveSibling(name + DOCUMENT_EXTENSION);
    }

    static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
