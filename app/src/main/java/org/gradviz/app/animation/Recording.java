package org.gradviz.app.animation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One command as the engine ran it: what the console says was run ({@code loss.backward()}), the board before,
 * the events in the engine's order, and which box each recorded tensor and node is. Boards at every step are
 * folded from the board before, from a checkpoint kept whenever at least {@value #CHECKPOINT_EVERY} events and at
 * least as many events as the board has boxes have passed since the last (so the checkpoints of a command over
 * 100,000 boxes take as much room as its events, not a board per 32 events); stepping back and forth and
 * replaying give exactly the same boards.
 */
public final class Recording {
    static final int CHECKPOINT_EVERY = 32;

    private final String command;
    private final Board before;
    private final List<TraceEvent> events;
    private final ElementMap elements;
    private final List<Board> checkpoints = new ArrayList<>();
    /** The position of each checkpoint, ascending. */
    private final List<Integer> checkpointPositions = new ArrayList<>();

    public Recording(String command, Board before, List<TraceEvent> events, ElementMap elements) {
        this.command = command;
        this.before = before;
        this.events = List.copyOf(events);
        this.elements = elements;
        checkpoints.add(before);
        checkpointPositions.add(0);
        Board.Fold fold = new Board.Fold(before);
        int since = 0;
        for (int i = 0; i < this.events.size(); i++) {
            fold.apply(this.events.get(i), elements);
            since++;
            if (since >= Math.max(CHECKPOINT_EVERY, fold.size())) {
                checkpoints.add(fold.board());
                checkpointPositions.add(i + 1);
                since = 0;
            }
        }
    }
    public String command() {
        return command;
    }

    public List<TraceEvent> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public ElementMap elements() {
        return elements;
    }

    public Board before() {
        return before;
    }

    /** The board once the first {@code position} events happened (0: before the command, size(): after it). */
    public Board boardAt(int position) {
        if (position < 0 || position > events.size()) {
            throw new IndexOutOfBoundsException("position " + position + " of a recording of " + events.size());
        }
        int checkpoint = Collections.binarySearch(checkpointPositions, position);
        if (checkpoint < 0) {
            checkpoint = -checkpoint - 2; // the last one before position
        }
        int from = checkpointPositions.get(checkpoint);
        if (from == position) {
            return checkpoints.get(checkpoint);
        }
        Board.Fold fold = new Board.Fold(checkpoints.get(checkpoint));
        for (int i = from; i < position; i++) {
            fold.apply(events.get(i), elements);
        }
        return fold.board();
    }

    /** The board after the whole command. */
    public Board after() {
        return boardAt(events.size());
    }
}
