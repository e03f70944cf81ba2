package org.gradviz.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;

/**
 * At start: finds work autosaved by a gradviz that is no longer running (it crashed or was killed) and
 * offers it back. A restored document shows as unsaved, under its original file, and Undo goes back to
 * what is on disk. The offered copy is deleted whatever the answer; older copies wait for the next start.
 */
public final class Recovery {
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AutosaveStore store;
    private final LongPredicate alive;
    private final ZoneId zone;

    /**
     * @param alive whether the process with this id is still running (its copy is then in use, not left)
     */
    public Recovery(AutosaveStore store, LongPredicate alive, ZoneId zone) {
        this.store = store;
        this.alive = alive;
        this.zone = zone;
    }

    public static Recovery forApp() {
        return new Recovery(AutosaveStore.forThisProcess(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), ZoneId.systemDefault());
    }

    /** The newest copy left by a session that did not end cleanly. */
    public Optional<AutosaveStore.Entry> leftOver() {
        try {
            List<AutosaveStore.Entry> entries = store.othersNewestFirst();
            return entries.stream().filter(e -> !alive.test(e.pid())).findFirst();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot look for autosaved work: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Offers the newest left-over copy; on yes, shows it in {@code model}. Returns whether something was
     * restored. A damaged copy is reported and deleted.
     */
    public boolean offer(EditorModel model, Dialogs dialogs) {
        Optional<AutosaveStore.Entry> entry = leftOver();
        if (entry.isEmpty()) {
            return false;
        }
        AutosaveStore.Recovered recovered;
        try {
            recovered = store.read(entry.get());
        } catch (DocumentException e) {
            dialogs.showError("Cannot restore autosaved work", e.getMessage());
            delete(entry.get().file());
            return false;
        }
        String name = recovered.original().map(FileActions::fileName).orElse(FileActions.UNTITLED);
        boolean restore = dialogs.askRestore("Unsaved changes to " + name + " were autosaved at "
                + WHEN.format(recovered.savedAt().atZone(zone)) + ". Restore them?");
        if (restore) {
            restore(model, recovered);
        }
        delete(entry.get().file());
        return restore;
    }

    /** Loads the file as it is on disk (or nothing), then applies the copy as one undoable edit. */
    static void restore(EditorModel model, AutosaveStore.Recovered recovered) {
        Path original = recovered.original().orElse(null);
        GraphDocument onDisk = EditorModel.emptyDocument();
        if (original != null && Files.isRegularFile(original)) {
            try {
                onDisk = new DocumentReader().readDraft(original);
            } catch (DocumentException e) {
                onDisk = EditorModel.emptyDocument();
            }
        }
        model.load(onDisk, original);
        GraphDocument copy = recovered.document();
        model.apply("Restore autosaved changes", d -> copy);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + file + ": " + e.getMessage());
        }
    }
}
