package org.gradviz.app.files;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler on a fake clock: tasks run only when a test advances time past them, in time order. */
final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private Duration now = Duration.ZERO;
    private long sequence;

    @Override
    public Scheduled schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), sequence++, task);
        tasks.add(t);
        return () -> tasks.remove(t);
    }

    void advance(Duration by) {
        Duration until = now.plus(by);
        while (true) {
            Task next = tasks.stream().filter(t -> t.due.compareTo(until) <= 0)
                    .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.sequence)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.due;
            next.run.run();
        }
        now = until;
    }

    int pending() {
        return tasks.size();
    }

    private record Task(Duration due, long sequence, Runnable run) {
    }
}
