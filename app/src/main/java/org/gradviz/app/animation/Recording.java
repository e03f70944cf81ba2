package org.gradviz.app.animation;

import java.util.ArrayList;
import java.util.List;

/**
 * One command as the engine ran it: what the console says was run ({@code loss.backward()}), the board before,
 * the events in the engine's order, and which box each recorded tensor and node is. Boards at every step are
 * folded from the board before, with a checkpoint every {@value #CHECKPOINT_EVERY} events, so stepping back
 * and forth and replaying give exactly the same boards.
 */
public final class Recording {
    static final int CHECKPOINT_EVERY = 32;

    private final String command;
    private final Board before;
    private final List<TraceEvent> events;
    private final ElementMap elements;
    private final List<Board> checkpoints = new ArrayList<>();

    public Recording(String command, Board before, List<TraceEvent> events, ElementMap elements) {
        this.command = command;
        this.before = before;
        this.events = List.copyOf(events);
        this.elements = elements;
        Board board = before;
        checkpoints.add(board);
        for (int i = 0; i < this.events.size(); i++) {
            board = board.apply(this.events.get(i), elements);
            if ((i + 1) % CHECKPOINT_EVERY == 0) {
                checkpoints.add(board);
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
        int checkpoint = position / CHECKPOINT_EVERY;
        Board board = checkpoints.get(checkpoint);
        for (int i = checkpoint * CHECKPOINT_EVERY; i < position; i++) {
            board = board.apply(events.get(i), elements);
        }
        return board;
    }

    /** The board after the whole command. */
    public Board after() {
        return boardAt(events.size());
    }
}
