package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.Recording;
import java.util.function.BooleanSupplier;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.optim.SGD;

/**
 * Train: {@code steps} rounds of PyTorch's usual loop with SGD, on a copy of the session so it can run on
 * another thread while the window keeps showing (and drawing from) the live one. Stopping keeps the
 * rounds already done, as interrupting a notebook's loop does.
 */
public final class Training {
    /** The most steps one Train runs: a million losses are kept for the curve. */
    public static final int MAX_STEPS = 1_000_000;

    /** Told after every round, on the training thread. */
    @FunctionalInterface
    public interface Listener {
        void roundDone(int round, int rounds, double loss);
    }

    /**
     * What a run did: the loss of each round done, whether it was stopped, and the engine's message when a
     * round failed (the rounds before it stay done).
     */
    public record Result(List<Double> losses, int requested, boolean stopped, String error) {
        public Result {
            losses = List.copyOf(losses);
        }

        public int done() {
            return losses.size();
        }
    }

    private final GraphDocument document;
    private final RunSession session;
    private final double learningRate;
    private final int steps;
    private Board beforeLastStep;

    Training(GraphDocument document, RunSession live, double learningRate, int steps) {
        this.document = document;
        this.session = live.copy();
        this.learningRate = learningRate;
        this.steps = steps;
    }

    /** Why the graph cannot be trained as it stands, if it cannot. */
    static Optional<String> refusal(GraphDocument document, RunSession live, int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            return Optional.of("Train runs from 1 to " + String.format(java.util.Locale.ROOT, "%,d", MAX_STEPS)
                    + " steps at a time, not " + steps);
        }
        if (document.output() == null || document.node(document.output()).isEmpty()) {
            return Optional.of("Train needs an output to backward from: mark the loss as the output");
        }
        if (live.parameterNames().isEmpty()) {
            return Optional.of("Train has nothing to learn: no tensor requires grad");
        }
        Evaluation preview = live.preview();
        if (!preview.errors().isEmpty()) {
            var first = preview.errors().entrySet().iterator().next();
            return Optional.of("Train cannot run: " + first.getKey() + ": " + first.getValue());
        }
        if (preview.value(document.output()).isEmpty()) {
            return Optional.of("Train cannot run: " + document.output()
                    + " has no value yet: connect every input on the way to it");
        }
        return Optional.empty();
    }

    /** Runs the rounds (on the calling thread) until all are done, one fails or {@code stop} says so. */
    public Result run(Listener listener, BooleanSupplier stop) {
        List<Double> losses = new ArrayList<>();
        SGD optimizer = session.optimizer(learningRate);
        String error = null;
        while (losses.size() < steps && !stop.getAsBoolean()) {
            try {
                if (losses.size() == steps - 1) { // the last step is recorded, for the player to show
                    beforeLastStep = SessionBoards.live(document, session);
                    losses.add(session.recordedTrainingStep(optimizer, "training step " + steps));
                } else {
                    losses.add(session.trainingStep(optimizer));
                }
            } catch (TorchException e) {
                error = e.pythonLine();
                break;
            } catch (RuntimeException e) {
                error = GraphEvaluator.message(e);
                break;
            }
            listener.roundDone(losses.size(), steps, losses.get(losses.size() - 1));
        }
        return new Result(losses, steps, losses.size() < steps && error == null, error);
    }

    /**
     * What every box holds now in the training session (its parameters, grads, last forward), copied: for the window
     * to show the parameters moving while Train runs. Call on the training thread, between rounds (from the listener).
     */
    public Board liveBoard() {
        return SessionBoards.live(document, session);
    }

    /** The last step as the engine ran it, when the run got that far (a stopped run has none). */
    Optional<Recording> lastStep() {
        return beforeLastStep == null ? Optional.empty() : session.takeTrace()
                .map(t -> new Recording(t.command(), beforeLastStep, t.events(), t.elements()));
    }

    GraphDocument document() {
        return document;
    }

    RunSession session() {
        return session;
    }

    double learningRate() {
        return learningRate;
    }

    public int steps() {
        return steps;
    }
}
