package org.gradviz.app.files;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.script.runtime.ScriptRunner;

/**
 * Runs a {@link CellImporter} on a thread of its own, one cell at a time, so a cell that runs long leaves the
 * window responsive; {@link #cancel()} interrupts it. Commands and properties belong to the FX thread, and the
 * outcome comes back on it through {@code fxThread} ({@code Platform::runLater} in the app, a queue in tests),
 * so nothing here needs the toolkit.
 */
public final class CellImportRunner {

    /** How an import ended. */
    public sealed interface Outcome {
        /** The cell imported whole. */
        record Imported(GraphDocument document) implements Outcome {
        }

        /** The cell was refused; {@link #lines()} says why, by line. */
        record Refused(CellImportException reason) implements Outcome {
            /** {@code line N: what}, one per problem in line order (the message when there are none). */
            public List<String> lines() {
                return reason.problems().isEmpty() ? List.of(reason.getMessage())
                        : reason.problems().stream().map(CellImportException.Problem::toString).toList();
            }
        }

        /** Cancel was asked for before the outcome came back: nothing was imported. */
        record Cancelled() implements Outcome {
        }
    }

    private final CellImporter importer;
    private final Executor fxThread;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Thread worker;
    private String fileName;
    private boolean cancelled;

    public CellImportRunner(CellImporter importer, Executor fxThread) {
        this.importer = importer;
        this.fxThread = fxThread;
    }

    /** For the app: outcomes come back through {@link Platform#runLater}. */
    public static CellImportRunner onFxThread(CellImporter importer) {
        return new CellImportRunner(importer, Platform::runLater);
    }

    /**
     * Starts importing {@code source} and returns at once; {@code done} gets the outcome on the FX thread.
     * While another import runs, starts nothing and returns false: never two at once.
     *
     * @param fileName the name the importer reports problems under, and the progress shows
     */
    public boolean start(String source, String fileName, Consumer<Outcome> done) {
        if (running.get()) {
            return false;
        }
        this.fileName = fileName;
        cancelled = false;
        status.set("Running " + fileName + "…");
        running.set(true);
        // a deep stack, as a script run has: the interpreter recurses for Python's calls
        worker = new Thread(null, () -> work(source, fileName, done), "gradviz-cell-import",
                ScriptRunner.STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /**
     * Interrupts the running import: the interpreter stops at its next statement. The outcome is
     * {@link Outcome.Cancelled} even when the cell was just finishing: nothing is imported after Cancel.
     */
    public void cancel() {
        if (running.get() && !cancelled) {
            cancelled = true;
            status.set("Cancelling " + fileName + "…");
            worker.interrupt();
        }
    }

    private void work(String source, String name, Consumer<Outcome> done) {
        Outcome outcome = refused("the import stopped unexpectedly");
        try {
            outcome = importCell(source, name);
        } finally {
            // also after an Error, so that the window does not wait for this import forever
            Outcome result = outcome;
            fxThread.execute(() -> finish(result, done));
        }
    }

    private Outcome importCell(String source, String name) {
        try {
            return new Outcome.Imported(importer.importCell(source, name));
        } catch (CellImportException e) {
            return new Outcome.Refused(e);
        } catch (InterruptedException e) {
            return new Outcome.Cancelled();
        } catch (RuntimeException e) {
            // NOTE: a bug in gradviz, not in the cell: reported like a refusal, so the window carries on
            return refused("gradviz internal error: " + e);
        }
    }

    private static Outcome refused(String message) {
        return new Outcome.Refused(new CellImportException(CellImportException.Problem.whole(message)));
    }

    private void finish(Outcome outcome, Consumer<Outcome> done) {
        worker = null;
        status.set("");
        running.set(false);
        done.accept(cancelled ? new Outcome.Cancelled() : outcome);
    }

    /** True from {@link #start} until the outcome has come back. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** {@code Running cell.py…} while an import runs, {@code Cancelling cell.py…} after Cancel, else empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
