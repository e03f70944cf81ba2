package org.gradviz.app.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import org.gradviz.app.editor.EditorModel;

/**
 * New, Open, Save, Save As, recent files and pasted cells for the editor. Asks through {@link Dialogs};
 * never loses the open document to a failed open, and keeps the unsaved mark when a save fails.
 * Every message is one line naming the file and what went wrong.
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
    private final CellImporter importer;
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();
    /** The name Save As offers for a document with no file yet (an imported cell keeps its stem). */
    private String suggestedName = UNTITLED + DOCUMENT_EXTENSION;
    /** Where the last chooser was, so the next one opens there. */
    private Path lastFolder;

    public FileActions(EditorModel model, Dialogs dialogs, RecentFiles recent, CellImporter importer) {
        this.model = model;
        this.dialogs = dialogs;
        this.recent = recent;
        this.importer = importer;
    }

    /** With JavaFX dialogs owned by the window {@code owner} gives. */
    public FileActions(EditorModel model, Supplier<Window> owner, RecentFiles recent, CellImporter importer) {
        this(model, new FxDialogs(owner), recent, importer);
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
     * Opens a {@code .json} document (drafts too: what the editor saved, it opens) or imports a {@code .py}
     * cell. The file is read first: when it cannot be, the error is shown and the open document stays.
     */
    public boolean open(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        Optional<GraphDocument> read = read(file);
        if (read.isEmpty() || !confirmDiscard()) {
            return false;
        }
        String name = fileName(file);
        if (isCell(file)) {
            // a cell is not a document: saving must not write JSON over the .py
            model.load(read.get(), null);
            suggestedName = stem(name) + DOCUMENT_EXTENSION;
        } else {
            model.load(read.get(), file);
            suggestedName = name;
        }
        recent.add(file);
        return true;
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
        Optional<GraphDocument> imported = dialogs.pasteCell(importer);
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

    // ----- reading and writing

    private Optional<GraphDocument> read(Path file) {
        String name = fileName(file);
        try {
            if (isCell(file)) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                return Optional.of(importer.importCell(source, name));
            }
            return Optional.of(reader.readDraft(file));
        } catch (DocumentException e) {
            return fail("Cannot open " + name, name + ": " + e.getMessage());
        } catch (CellImportException e) {
            return fail("Cannot import " + name, name + ", " + e.getMessage());
        } catch (IOException e) {
            return fail("Cannot open " + name, "cannot read " + file + ": " + reason(e));
        }
    }

    private Optional<GraphDocument> fail(String title, String message) {
        dialogs.showError(title, message);
        return Optional.empty();
    }

    private boolean write(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        try {
            writer.save(model.document(), file);
        } catch (IOException | DocumentException e) {
            String why = e instanceof IOException io ? reason(io) : e.getMessage();
            dialogs.showError("Cannot save " + fileName(file), "cannot write " + file + ": " + why
                    + "; the document is not saved");
            return false;
        }
        model.markSaved(file);
        suggestedName = fileName(file);
        recent.add(file);
        return true;
    }

    /** What went wrong, in words: Java's file exceptions carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
