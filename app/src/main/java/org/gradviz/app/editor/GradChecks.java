package org.gradviz.app.editor;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The gradcheck badges of the leaves: after each Backward, the autograd gradient of every leaf against a central
 * finite difference in float64 ({@link GradCheck}), computed on a thread of its own. A newer check or a change of
 * the graph interrupts the one under way; until a check ends there is no report. Results arrive on the FX thread
 * (or, in a model used without a window, on the checking thread).
 */
public final class GradChecks {
    private final ReadOnlyObjectWrapper<GradCheckReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private Thread running;
    private long generation;

    /** Starts checking (the leaves were copied when {@code check} was made); call on the FX thread. */
    void start(GradCheck check) {
        clear();
        long ticket = generation;
        Thread thread = new Thread(() -> {
            try {
                GradCheckReport done = check.run();
                deliver(() -> {
                    if (ticket == generation) {
                        running = null;
                        report.set(done);
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a newer check or an edit replaced this one
            }
        }, "gradviz-gradcheck");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /** Forgets the report and interrupts the check under way. */
    void clear() {
        generation++;
        if (running != null) {
            running.interrupt();
            running = null;
        }
        report.set(null);
    }

    private static void deliver(Runnable result) {
        try {
            Platform.runLater(result);
        } catch (IllegalStateException noToolkit) {
            result.run(); // no JavaFX toolkit: a model without a window (tests)
        }
    }

    /** The last finished check; null while none is (Backward not run yet, a check under way, the graph changed). */
    public ReadOnlyObjectProperty<GradCheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public Optional<LeafGradCheck> leaf(String name) {
        GradCheckReport r = report.get();
        return r == null ? Optional.empty() : r.leaves().stream().filter(l -> l.leaf().equals(name)).findFirst();
    }
}
