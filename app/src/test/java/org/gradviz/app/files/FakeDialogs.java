package org.gradviz.app.files;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.gradviz.app.document.GraphDocument;

/** Answers the file actions' questions from queues and records what was asked. */
final class FakeDialogs implements Dialogs {
    final Deque<Optional<Path>> openAnswers = new ArrayDeque<>();
    final Deque<Optional<Path>> saveAnswers = new ArrayDeque<>();
    final Deque<SaveChoice> saveChangesAnswers = new ArrayDeque<>();
    final Deque<Boolean> restoreAnswers = new ArrayDeque<>();
    final Deque<String> pastedCells = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<String> saveNames = new ArrayList<>();
    /** Where the pasted cell's import hands its outcome; the runner the test builds must use it too. */
    final FxQueue fxThread = new FxQueue();

    @Override
    public Optional<Path> chooseFileToOpen(Path initialFolder) {
        asked.add("open");
        return next(openAnswers, "open");
    }

    @Override
    public Optional<Path> chooseFileToSave(Path initialFolder, String initialName) {
        asked.add("save as " + initialName);
        saveNames.add(initialName);
        return next(saveAnswers, "save as");
    }

    @Override
    public SaveChoice askSaveChanges(String documentName) {
        asked.add("Save changes to " + documentName + "?");
        return next(saveChangesAnswers, "save changes");
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + " | " + message);
    }

    @Override
    public boolean askRestore(String description) {
        asked.add(description);
        return next(restoreAnswers, "restore");
    }

    /** Imports the next pasted cell and waits for it, as the dialog's Import does. */
    @Override
    public Optional<GraphDocument> pasteCell(CellImportRunner cells) {
        asked.add("paste cell");
        GraphDocument[] imported = new GraphDocument[1];
        new PasteCellModel(cells, next(pastedCells, "paste cell")).startImport(document -> imported[0] = document);
        fxThread.runNext();
        return Optional.ofNullable(imported[0]);
    }

    @Override
    public void showImportProgress(CellImportRunner cells) {
        asked.add("progress: " + cells.statusProperty().get());
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.removeFirst();
    }
}
