package org.gradviz.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.gradviz.app.document.DecimalText;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.Training;

/**
 * Train off the FX thread: the rounds run on a copy of the session while the status bar shows the step,
 * the loss and a Stop button, and the loss curve grows. Stop keeps the steps done.
 */
final class TrainAction {
    static final String PROGRESS_ID = "train-progress";
    static final String STOP_ID = "train-stop";

    private final EditorModel model;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();
    private final HBox view;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final LossRelay relay;
    private int steps;

    TrainAction(EditorModel model) {
        this.model = model;
        this.relay = new LossRelay(this::showProgress, model::showTrainingBoard);
        Button stopButton = new Button("Stop");
        stopButton.setId(STOP_ID);
        stopButton.setOnAction(e -> stop());
        bar.setPrefWidth(220);
        text.setId(PROGRESS_ID);
        view = new HBox(10, text, bar, stopButton);
        view.setAlignment(Pos.CENTER_RIGHT);
        view.visibleProperty().bind(model.trainingProperty());
        view.managedProperty().bind(model.trainingProperty());
    }

    /** The step, the loss, a bar and Stop, shown while Train runs. */
    Node progress() {
        return view;
    }

    /** Train, or Stop when it runs already. */
    void toggle() {
        if (model.trainingProperty().get()) {
            stop();
        } else {
            start();
        }
    }

    void start() {
        model.startTraining().ifPresent(run -> {
            stop.set(false);
            relay.reset();
            bar.setProgress(0);
            text.setText("");
            Task<Training.Result> task = new Task<>() {
                @Override
                protected Training.Result call() {
                    return run.run((round, rounds, loss) -> relay.add(loss, run::liveBoard), stop::get);
                }
            };
            steps = run.steps();
            task.setOnSucceeded(e -> finish(run, task.getValue()));
            task.setOnFailed(e -> finish(run, new Training.Result(relay.all(), run.steps(), false,
                    "Train failed: " + task.getException())));
            Thread thread = new Thread(task, "gradviz-train");
            thread.setDaemon(true);
            thread.start();
        });
    }

    void stop() {
        stop.set(true);
    }

    private void finish(Training run, Training.Result result) {
        model.finishTraining(run, result);
    }

    /** On the FX thread: the latest losses join the curve; the bar and the text show where Train is. */
    private void showProgress(List<Double> latest, int done) {
        if (latest.isEmpty()) {
            return;
        }
        model.showTrainingLosses(latest);
        bar.setProgress((double) done / steps);
        text.setText(String.format(Locale.ROOT, "step %,d of %,d · loss %s", done, steps,
                DecimalText.of(latest.get(latest.size() - 1))));
    }

    /**
     * Hands the losses from the training thread to the window about ten times a second, however fast the
     * steps come: handing over every step would keep the FX thread redrawing and slow Train down. What the boxes hold
     * goes four times a second: every box drawn again (in software, while Train takes one of the cores) kept the FX
     * thread waiting for the drawing of the one before.
     */
    private static final class LossRelay {
        private static final long INTERVAL_NANOS = 100_000_000L;
        private static final long BOARD_INTERVAL_NANOS = 250_000_000L;
        private final java.util.function.BiConsumer<List<Double>, Integer> show;
        private final java.util.function.Consumer<org.gradviz.app.animation.Board> showBoard;
        private final List<Double> all = new ArrayList<>();
        private int handedOver;
        private long lastScheduled;
        private long lastBoard;

        LossRelay(java.util.function.BiConsumer<List<Double>, Integer> show,
                java.util.function.Consumer<org.gradviz.app.animation.Board> showBoard) {
            this.show = show;
            this.showBoard = showBoard;
        }

        synchronized void reset() {
            all.clear();
            handedOver = 0;
            // NOTE: the first hand-over waits one interval, so it does not share a pulse with the window's own
            // change when Train starts (controls disabled, the progress shown)
            lastScheduled = System.nanoTime();
            lastBoard = System.nanoTime();
        }

        synchronized List<Double> all() {
            return List.copyOf(all);
        }

        /** On the training thread, after a round: its loss, and now and then what the boxes hold. */
        synchronized void add(double loss, java.util.function.Supplier<org.gradviz.app.animation.Board> board) {
            all.add(loss);
            long now = System.nanoTime();
            if (now - lastScheduled >= INTERVAL_NANOS) {
                lastScheduled = now;
                boolean boxesToo = now - lastBoard >= BOARD_INTERVAL_NANOS;
                if (boxesToo) {
                    lastBoard = now;
                }
                org.gradviz.app.animation.Board boxes = boxesToo ? board.get() : null; // copied here, between rounds
                Platform.runLater(() -> {
                    handOver();
                    if (boxes != null) {
                        showBoard.accept(boxes);
                    }
                });
            }
        }

        private void handOver() {
            List<Double> latest;
            int done;
            synchronized (this) {
                latest = List.copyOf(all.subList(handedOver, all.size()));
                handedOver = all.size();
                done = handedOver;
            }
            show.accept(latest, done);
        }
    }
}
