package org.gradviz.app.files;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The FX thread of toolkit-free tests: what the code under test hands to it waits in a queue until the test
 * runs it, on the test's thread.
 */
final class FxQueue implements Executor {
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the next task handed over, waiting up to five seconds for one. */
    void runNext() {
        try {
            Runnable task = tasks.poll(5, TimeUnit.SECONDS);
            if (task == null) {
                throw new AssertionError("nothing was handed to the FX thread within 5 s");
            }
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the FX thread's next task", e);
        }
    }

    boolean isEmpty() {
        return tasks.isEmpty();
    }
}
