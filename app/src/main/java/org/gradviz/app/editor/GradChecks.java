package org.gradviz.app.editor;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * The gradcheck badges of the leaves: after each Backward, the autograd gradient of every leaf against a central
 * finite difference in float64 ({@link GradCheck}), computed off the FX thread. A newer check or a change of the
 * graph cancels the one under way; until a check ends there is no report.
 */
public final class GradChecks {
    private final ReadOnlyObjectWrapper<GradCheckReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private Task<GradCheckReport> running;

    /** Starts checking (the leaves were copied when {@code check} was made); call on the FX thread. */
    void start(GradCheck check) {
        clear();
        Task<GradCheckReport> task = new Task<>() {
            @Override
            protected GradCheckReport call() throws InterruptedException {
                return check.run();
            }
        };
        task.setOnSucceeded(e -> {
            if (running == task) {
                running = null;
                report.set(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (running == task) {
                running = null;
            }
        });
        running = task;
        Thread thread = new Thread(task, "gradviz-gradcheck");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets the report and cancels the check under way. */
    void clear() {
        if (running != null) {
            running.cancel(true);
            running = null;
        }
        report.set(null);
    }

    /** The last finished check; null while none is (Backward not run yet, a check under way, the graph changed). */
    public ReadOnlyObjectProperty<GradCheckReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public Optional<LeafGradCheck> leaf(String name) {
        GradCheckReport r = report.get();
        return r == null ? Optional.empty() : r.leaves().stream().filter(l -> l.leaf().equals(name)).findFirst();
    }

    /** True while a check runs. */
    public boolean isRunning() {
        return running != null;
    }
}
