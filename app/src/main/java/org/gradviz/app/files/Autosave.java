package org.gradviz.app.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.value.ChangeListener;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.IoReason;
import org.gradviz.app.editor.EditorModel;

/**
 * Keeps a copy of unsaved work in the {@link AutosaveStore}: after each change, once edits pause for
 * {@link #QUIET} (but never later than {@link #MAX_DELAY} after the first unwritten change), the document
 * is taken on the FX thread and written atomically on the IO executor. When the document is saved, or
 * returns to its saved state, or the app closes cleanly, the copy is deleted, so a copy left behind means
 * the session did not end cleanly.
 */
public final class Autosave implements AutoCloseable {
    /** How long edits must pause before a copy is written. */
    public static final Duration QUIET = Duration.ofSeconds(2);
    /** The longest unsaved work goes without a copy while edits keep coming. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());

    private final EditorModel model;
    private final AutosaveStore store;
    private final Scheduler scheduler;
    private final Executor io;
    private final ChangeListener<Number> onRevision = (obs, old, now) -> changed();
    private final ChangeListener<Boolean> onUnsaved = (obs, old, now) -> changed();
    private Runnable onClose = () -> { };
    private Scheduler.Scheduled quiet;
    private Scheduler.Scheduled deadline;
    private long writtenRevision = -1;
    private boolean started;
    private boolean closed;

    public Autosave(EditorModel model, AutosaveStore store, Scheduler scheduler, Executor io) {
        this.model = model;
        this.store = store;
        this.scheduler = scheduler;
        this.io = io;
    }

    /** Autosave for the app: this process's file in the user's folder, a timer thread and one IO thread. */
    public static Autosave forApp(EditorModel model) {
        FxScheduler scheduler = new FxScheduler();
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "gradviz-autosave");
            thread.setDaemon(true);
            return thread;
        });
        Autosave autosave = new Autosave(model, AutosaveStore.forThisProcess(), scheduler, io);
        autosave.onClose = () -> {
            scheduler.shutdown();
            io.shutdown();
        };
        return autosave.start();
    }

    /** Starts watching the document; returns this. */
    public Autosave start() {
        if (closed) {
            throw new IllegalStateException("autosave was closed; make a new one");
        }
        if (!started) {
            started = true;
            model.history().revisionProperty().addListener(onRevision);
            model.history().unsavedProperty().addListener(onUnsaved);
            if (model.history().unsavedProperty().get()) {
                changed();
            }
        }
        return this;
    }

    /** Writes a copy now when there is unwritten unsaved work (also what the timers call). */
    public void writeNow() {
        cancelTimers();
        if (!model.history().unsavedProperty().get()) {
            return;
        }
        long revision = model.history().revisionProperty().get();
        if (revision == writtenRevision) {
            return;
        }
        writtenRevision = revision;
        GraphDocument document = model.document();
        Path original = model.fileProperty().get();
        io.execute(() -> {
            try {
                store.write(document, original);
            } catch (IOException | DocumentException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot autosave to " + store.file() + ": "
                        + (e instanceof IOException io ? IoReason.of(io) : e.getMessage()));
            }
        });
    }

    /** Stops and deletes the copy: the session ends cleanly. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            model.history().revisionProperty().removeListener(onRevision);
            model.history().unsavedProperty().removeListener(onUnsaved);
            started = false;
        }
        cancelTimers();
        deleteCopy();
        onClose.run();
    }

    private void changed() {
        if (!model.history().unsavedProperty().get()) {
            // saved, or undone back to what is on disk: nothing to keep
            cancelTimers();
            deleteCopy();
            return;
        }
        if (quiet != null) {
            quiet.cancel();
        }
        quiet = scheduler.schedule(QUIET, this::writeNow);
        if (deadline == null) {
            deadline = scheduler.schedule(MAX_DELAY, this::writeNow);
        }
    }

    private void deleteCopy() {
        writtenRevision = -1;
        io.execute(() -> {
            try {
                store.delete();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + store.file() + ": " + IoReason.of(e));
            }
        });
    }

    private void cancelTimers() {
        if (quiet != null) {
            quiet.cancel();
            quiet = null;
        }
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }
}
