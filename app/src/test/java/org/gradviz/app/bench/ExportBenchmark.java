package org.gradviz.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.export.ExportRequest;
import org.gradviz.app.export.PictureSize;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;

/**
 * Export from the window, timed end to end (pictured, encoded, written): a 3840x2160 PNG of the seed network's
 * network and autograd views (after 3 warm-up runs, 10 timed), the animated GIF of its backward pass, and how long
 * the FX thread was ever kept from running other work meanwhile and while Train runs 30,000 steps (a probe thread posts
 * a runnable every 5 ms and records how late each one ran). Run under Xvfb with software rendering, as users get it:
 * {@code xvfb-run -a -s '-screen 0 1920x1080x24' java -Dprism.order=sw -cp app/target/gradviz.jar:app/target/test-classes org.gradviz.app.bench.ExportBenchmark}
 */
public final class ExportBenchmark {

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The benchmark's window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Path file = Examples.file("one-layer-bce.json");
            EditorModel model = new EditorModel(new DocumentReader().read(file), file);
            MainWindowView view = MainWindow.install(stage, model, s -> "");
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
            model.forward();
            model.backward();
            model.player().end();
            Thread bench = new Thread(() -> measure(model, view), "export-benchmark");
            bench.setDaemon(true);
            Platform.runLater(bench::start);
        }
    }

    static void measure(EditorModel model, MainWindowView view) {
        try {
            Thread.sleep(1500); // the window has drawn once: fonts and CSS warm
            FxProbe idle = FxProbe.start();
            Thread.sleep(3000);
            System.out.printf(Locale.ROOT, "Idle window (nothing running): FX thread late by at most %d ms%n",
                    idle.stop());
            Path folder = Files.createTempDirectory("gradviz-export-bench");
            for (ExportRequest.View which : ExportRequest.View.values()) {
                ExportRequest png = new ExportRequest(which, ExportFormat.PNG, PictureSize.UHD, true,
                        ExportRequest.Scope.STEP, folder.resolve(which.name().toLowerCase(Locale.ROOT) + ".png"));
                for (int i = 0; i < 3; i++) {
                    time(view, png);
                }
                FxProbe probe = FxProbe.start();
                double[] runs = new double[10];
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = time(view, png);
                }
                long stall = probe.stop();
                Arrays.sort(runs);
                System.out.printf(Locale.ROOT, "4K PNG, %s: median %.0f ms (min %.0f, max %.0f) over %d runs,"
                        + " %d bytes; FX thread late by at most %d ms%n", which, runs[runs.length / 2], runs[0],
                        runs[runs.length - 1], runs.length, Files.size(png.target()), stall);
            }
            ExportRequest gif = new ExportRequest(ExportRequest.View.AUTOGRAD, null, PictureSize.ONE_X, true,
                    ExportRequest.Scope.GIF, folder.resolve("pass.gif"));
            time(view, gif);
            FxProbe probe = FxProbe.start();
            double gifMillis = time(view, gif);
            System.out.printf(Locale.ROOT, "GIF of the backward pass (%d frames, autograd view, 1x): %.0f ms,"
                    + " %d bytes; FX thread late by at most %d ms%n",
                    model.player().recordingProperty().get().size() + 1, gifMillis, Files.size(gif.target()),
                    probe.stop());
            train(model, view);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    private static void train(EditorModel model, MainWindowView view) throws Exception {
        int steps = 30_000;
        Platform.runLater(() -> model.trainingStepsProperty().set(steps));
        Thread.sleep(200);
        FxProbe probe = FxProbe.start();
        long start = System.nanoTime();
        Platform.runLater(() -> ((Button) view.lookup("#run-train")).fire());
        Thread.sleep(300);
        while (model.trainingProperty().get()) {
            Thread.sleep(5);
        }
        long end = System.nanoTime();
        long all = probe.stop();
        System.out.printf(Locale.ROOT, "Train %d steps in the window: %.0f ms; FX thread late by at most %d ms while"
                + " it trains, %d ms including the end (results, transcript, autograd view)%n", steps,
                (end - start) / 1e6, probe.worstPostedBefore(end - 100_000_000L), all);
    }

    private static double time(MainWindowView view, ExportRequest request) throws Exception {
        long start = System.nanoTime();
        Task<String> task = view.exporter().task(request);
        Thread worker = new Thread(task);
        worker.start();
        task.get();
        return (System.nanoTime() - start) / 1e6;
    }

    /** How late runnables posted to the FX thread every 5 ms ran: the longest time it was kept busy. */
    static final class FxProbe {
        private final java.util.concurrent.ConcurrentLinkedQueue<long[]> pings =
                new java.util.concurrent.ConcurrentLinkedQueue<>();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::loop, "fx-probe");

        static FxProbe start() {
            FxProbe probe = new FxProbe();
            probe.thread.setDaemon(true);
            probe.thread.start();
            return probe;
        }

        private void loop() {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> pings.add(new long[] {posted, (System.nanoTime() - posted) / 1_000_000}));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Stops probing; the worst lateness seen, in milliseconds. */
        long stop() throws InterruptedException {
            Thread.sleep(50);
            running = false;
            thread.join();
            return worstPostedBefore(Long.MAX_VALUE);
        }

        /** The worst lateness of the runnables posted before {@code nanos} (System.nanoTime). */
        long worstPostedBefore(long nanos) {
            return pings.stream().filter(p -> p[0] < nanos).mapToLong(p -> p[1]).max().orElse(0);
        }
    }
}
