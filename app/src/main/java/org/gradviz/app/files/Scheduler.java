package org.gradviz.app.files;

import java.time.Duration;

/** Runs a task on the FX thread after a delay; {@link FxScheduler} in the app, a manual clock in tests. */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}, unless cancelled first. */
    Scheduled schedule(Duration delay, Runnable task);

    /** A task waiting to run. */
    interface Scheduled {
        /** The task will not run (a no-op once it has run). */
        void cancel();
    }
}
