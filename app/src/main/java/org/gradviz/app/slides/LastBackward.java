package org.gradviz.app.slides;

import java.util.List;
import java.util.Optional;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.ElementMap;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceEvent;

/**
 * The last {@code backward()} call of a program's events as a recording of its own: from its
 * {@code BackwardStarted} to its {@code BackwardFinished}, named {@code root.backward()} after the root's variable.
 * A program has no network boxes, so its board is empty.
 */
public final class LastBackward {
    private LastBackward() {
    }

    /** The recording of the last backward in {@code events}, empty when none started. */
    public static Optional<Recording> of(List<TraceEvent> events) {
        int start = -1;
        for (int i = events.size() - 1; i >= 0 && start < 0; i--) {
            if (events.get(i) instanceof TraceEvent.BackwardStarted) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        int end = start + 1;
        while (end < events.size() && !(events.get(end - 1) instanceof TraceEvent.BackwardFinished)) {
            end++;
        }
        TraceEvent.BackwardStarted started = (TraceEvent.BackwardStarted) events.get(start);
        String root = started.rootName() == null ? "" : started.rootName();
        return Optional.of(new Recording(root + ".backward()", Board.EMPTY, events.subList(start, end),
                ElementMap.EMPTY));
    }
}
