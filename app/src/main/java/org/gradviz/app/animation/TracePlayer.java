package org.gradviz.app.animation;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;

/**
 * Plays a {@link Recording} step by step: the position is how many of its events have happened, and the board
 * is what every box shows then. Commands: play/pause, step forward and back, seek (the scrub bar), restart,
 * end. While playing, one event happens every {@link #stepDuration()} divided by the speed. With a zero step
 * duration (tests), or off the FX thread, play goes straight to the end.
 */
public final class TracePlayer {
    /** Speeds the controls offer, slowest first. */
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4};
    /** 700 ms an event at speed 1; the system property {@code gradviz.animation.stepMillis} overrides (tests: 0). */
    private static final Duration DEFAULT_STEP = Duration.millis(Long.getLong("gradviz.animation.stepMillis", 700));

    private final ReadOnlyObjectWrapper<Recording> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyObjectWrapper<Board> board = new ReadOnlyObjectWrapper<>(this, "board", Board.EMPTY);
    private final ReadOnlyObjectWrapper<FlowFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame", FlowFrame.NONE);
    private FlowFrames frames;
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final PauseTransition tick = new PauseTransition();
    private Duration stepDuration = DEFAULT_STEP;

    public TracePlayer() {
        tick.setOnFinished(e -> advance());
    }

    /** Shows {@code next} from its start, playing it when {@code play}; null clears the player. */
    public void load(Recording next, boolean play) {
        pause();
        frames = next == null ? null : new FlowFrames(next);
        recording.set(next);
        moveTo(0);
        if (play && next != null) {
            play();
        }
    }

    public void play() {
        Recording r = recording.get();
        if (r == null || r.size() == 0) {
            return;
        }
        if (position.get() >= r.size()) {
            moveTo(0);
        }
        if (stepDuration.lessThanOrEqualTo(Duration.ZERO) || !Platform.isFxApplicationThread()) {
            moveTo(r.size()); // tests, or a model used off the FX thread (no window, no timers): the end at once
            return;
        }
        playing.set(true);
        advance(); // the first step shows at once, the next ones one tick apart
    }

    public void pause() {
        tick.stop();
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void stepForward() {
        pause();
        seek(position.get() + 1);
    }

    public void stepBack() {
        pause();
        seek(position.get() - 1);
    }

    public void restart() {
        pause();
        seek(0);
    }

    public void end() {
        pause();
        Recording r = recording.get();
        seek(r == null ? 0 : r.size());
    }

    /** Moves to {@code target}, clamped to the recording; playing goes on from there. */
    public void seek(int target) {
        Recording r = recording.get();
        if (r != null) {
            moveTo(Math.max(0, Math.min(r.size(), target)));
        }
    }

    private void advance() {
        Recording r = recording.get();
        if (r == null || position.get() >= r.size()) {
            pause();
            return;
        }
        moveTo(position.get() + 1);
        if (position.get() >= r.size()) {
            playing.set(false);
        } else if (playing.get()) {
            scheduleTick();
        }
    }

    private void scheduleTick() {
        tick.stop();
        tick.setDuration(stepDuration.divide(Math.max(0.01, speed.get())));
        tick.playFromStart();
    }

    private void moveTo(int next) {
        Recording r = recording.get();
        board.set(r == null ? Board.EMPTY : r.boardAt(next));
        frame.set(frames == null ? FlowFrame.NONE : frames.at(next));
        position.set(next);
    }

    public boolean atEnd() {
        Recording r = recording.get();
        return r == null || position.get() >= r.size();
    }

    /** How long one event takes at speed 1; zero makes play jump to the end, for tests. */
    public Duration stepDuration() {
        return stepDuration;
    }

    public void setStepDuration(Duration value) {
        stepDuration = value;
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** What every box shows at the current position. */
    public ReadOnlyObjectProperty<Board> boardProperty() {
        return board.getReadOnlyProperty();
    }

    /** What the views highlight at the current position: the node running, the edges passed, the caption. */
    public ReadOnlyObjectProperty<FlowFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Which node each gradient edge of the recording leads to; empty without a recording. */
    public java.util.Map<GradEdge, Integer> edgeTargets() {
        return frames == null ? java.util.Map.of() : frames.targets();
    }

    public DoubleProperty speedProperty() {
        return speed;
    }
}
