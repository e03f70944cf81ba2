package org.gradviz.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.shell.MainWindow;

/**
 * Frames per second while the backward animation plays, in a real window, and the time from Backward to the
 * first animated frame. The graph is the seed network ({@code seed}) or a chain of N adds over N parameters
 * ({@code chainN}, 2N boxes, 2N + 1 autograd nodes). Frames are counted by an AnimationTimer over the play at
 * the given speed (at most {@value #MAX_FRAMES} frames). Run under Xvfb with software rendering:
 * {@code xvfb-run -a -s '-screen 0 1920x1080x24' java -Dprism.order=sw -cp app/target/gradviz.jar:app/target/test-classes org.gradviz.app.bench.FlowBenchmark seed 1 [warm]}
 */
public final class FlowBenchmark {
    private static final int MAX_FRAMES = 900;

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The benchmark's window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            run(stage, args.isEmpty() ? "seed" : args.get(0), args.size() > 1 ? Double.parseDouble(args.get(1)) : 1,
                    args.size() > 2 && args.get(2).equals("warm"));
        }
    }

    static void run(Stage stage, String graph, double speed, boolean warm) {
        EditorModel model = new EditorModel(document(graph), null);
        MainWindow.install(stage, model, s -> "");
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
        TracePlayer player = model.player();
        player.speedProperty().set(speed);
        Platform.runLater(() -> {
            if (warm) { // one whole pass first, so the JIT, CSS and fonts are warm
                model.forward();
                model.backward();
                player.end();
            }
            model.forward();
            player.end();
            // a second later, once the window has drawn all this (fonts, CSS, glyphs are then warm too)
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            settle.setOnFinished(e -> measure(model, player, graph + (warm ? " (warm)" : ""), speed));
            settle.play();
        });
    }

    private static void measure(EditorModel model, TracePlayer player, String graph, double speed) {
        List<Long> frames = new ArrayList<>();
        long start = System.nanoTime();
        model.backward();
        long recorded = System.nanoTime();
        int events = player.recordingProperty().get().size();
        new AnimationTimer() {
            private long firstFrame = -1;
            private long drawn = -1;

            @Override
            public void handle(long now) {
                if (firstFrame < 0) {
                    firstFrame = System.nanoTime();
                }
                frames.add(now);
                if (frames.size() == 2) {
                    drawn = System.nanoTime(); // the pulse after the first: the first frame is on screen
                }
                if (!player.playingProperty().get() || frames.size() >= MAX_FRAMES) {
                    stop();
                    report(graph, speed, events, (recorded - start) / 1e6, (firstFrame - start) / 1e6,
                            (drawn - start) / 1e6, frames);
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void report(String graph, double speed, int events, double backwardMs, double firstFrameMs,
            double drawnMs, List<Long> frames) {
        double seconds = (frames.get(frames.size() - 1) - frames.get(0)) / 1e9;
        double[] gaps = new double[Math.max(1, frames.size() - 1)];
        for (int i = 1; i < frames.size(); i++) {
            gaps[i - 1] = (frames.get(i) - frames.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        System.out.printf(Locale.ROOT, "%s backward (%d recorded events) at %.2fx: backward + recording %.1f ms, "
                + "first animated frame begun %.1f ms and on screen %.1f ms after Backward; %.1f frames/s over %d "
                + "frames; frame time p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", graph, events, speed, backwardMs,
                firstFrameMs, drawnMs, (frames.size() - 1) / seconds, frames.size(), gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.95)],
                gaps[gaps.length - 1]);
    }

    private static GraphDocument document(String graph) {
        if (graph.startsWith("chain")) {
            return DragBenchmark.graph(Integer.parseInt(graph.substring("chain".length())));
        }
        return new DocumentReader().read(Path.of("examples", "one-layer-bce.json"));
    }
}
