package org.gradviz.app.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.gradviz.app.document.ChainDocuments;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.render.NetworkDot;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;

/**
 * Big graphs, timed: chain documents ({@link ChainDocuments}) of 1,000 to 100,000 boxes read from their JSON text
 * and validated, compiled (run forward on the engine), run backward, and exported to DOT (the autograd view, as
 * {@code gradviz export} writes it, and the network view), each once in a warm JVM after a warm-up at 1,000; SVG by
 * Graphviz (the {@code auto} engine: {@code dot} when on the PATH) for the sizes up to {@code --svg-up-to} (default
 * 3,000), Graphviz's own time reported apart. Prints one table row per size.
 * <pre>
 * java -cp app/target/gradviz.jar:app/target/test-classes org.gradviz.app.bench.BigGraphBenchmark [SIZES…] [--svg-up-to N]
 * </pre>
 * With {@code window [BOXES]} instead (default 3,000): a real window opens a chain document of that many boxes as
 * File ▸ Open does (read, then load into the editor) and the time from the start of the open until the first frame
 * with every box in sight (fitted: a big graph's overview) is printed, with the CPU time the UI thread spent meanwhile
 * (what a busy machine does not inflate); then the time to zoom to 100 % on its last box, when its boxes in view
 * become controls.
 * Run under Xvfb with software rendering:
 * {@code xvfb-run -a -s '-screen 0 1920x1080x24' java -Dprism.order=sw -cp … org.gradviz.app.bench.BigGraphBenchmark window}
 */
public final class BigGraphBenchmark {
    private static final List<Integer> SIZES = List.of(1_000, 3_000, 10_000, 30_000, 100_000);

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("window")) {
            Application.launch(Window.class, args);
            return;
        }
        int svgUpTo = 3_000;
        List<Integer> sizes = SIZES;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--svg-up-to")) {
                svgUpTo = Integer.parseInt(args[++i]);
            } else {
                sizes = Arrays.stream(args, i, args.length).takeWhile(a -> !a.startsWith("--"))
                        .map(Integer::valueOf).toList();
                i += sizes.size() - 1;
            }
        }
        measure(1_000, false, false); // warm-up
        System.out.println("boxes    read+validate  compile  backward  autograd DOT  network DOT  | dot -Tsvg (autograd)");
        for (int boxes : sizes) {
            measure(boxes, boxes <= svgUpTo, true);
        }
    }

    private static void measure(int boxes, boolean svg, boolean print) {
        String json = new DocumentWriter().toJson(ChainDocuments.chain(boxes));
        long[] ms = new long[5];
        GraphDocument document = timed(ms, 0, () -> new DocumentReader().parse(json));
        CompiledDocument compiled = timed(ms, 1, () -> new DocumentCompiler().compile(document));
        GraphOptions options = GraphOptions.from(document.viewOrDefault());
        String autograd = timed(ms, 3, () -> AutogradDot.render(compiled.tensor(compiled.outputName()),
                compiled.tensors(), options));
        timed(ms, 4, () -> NetworkDot.render(document, compiled, options));
        timed(ms, 2, () -> {
            compiled.backward();
            return null;
        });
        String layout = "";
        if (svg) {
            long start = System.nanoTime();
            GraphvizService.shared(GraphvizEngineKind.detect()).svg(autograd);
            layout = String.format(Locale.ROOT, "%,d ms", (System.nanoTime() - start) / 1_000_000);
        }
        if (print) {
            System.out.printf(Locale.ROOT, "%,7d  %,10d ms  %,5d ms  %,6d ms  %,9d ms  %,9d ms  | %s%n", boxes, ms[0], ms[1],
                    ms[2], ms[3], ms[4], layout);
        }
    }

    private static <T> T timed(long[] ms, int slot, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        ms[slot] = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    /** The benchmark's window: opens the chain once the empty window has drawn, times it to the frame. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getUnnamed();
            int boxes = args.size() > 1 ? Integer.parseInt(args.get(1)) : 3_000;
            Path file = Files.createTempFile("gradviz-chain-" + boxes + "-", ".json");
            Files.writeString(file, new DocumentWriter().toJson(ChainDocuments.chain(boxes)), StandardCharsets.UTF_8);
            file.toFile().deleteOnExit();
            EditorModel model = new EditorModel();
            MainWindowView view = MainWindow.install(stage, model, s -> "");
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
            Thread later = new Thread(() -> {
                sleep(1500); // the empty window has drawn: fonts and CSS warm
                Platform.runLater(() -> open(stage, model, view, file, boxes));
            }, "big-graph-benchmark");
            later.setDaemon(true);
            later.start();
        }

        private static void open(Stage stage, EditorModel model, MainWindowView view, Path file, int boxes) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            model.load(new DocumentReader().readDraft(file), file); // what File ▸ Open does once it has the file
            long loaded = System.nanoTime();
            boolean[] fitted = new boolean[1];
            Platform.runLater(() -> {
                view.canvas().fit();
                fitted[0] = true;
            });
            afterNextFrame(stage, () -> !fitted[0], () -> {
                long shown = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                System.out.printf(Locale.ROOT, "window, %,d boxes: read and loaded in %,d ms, first frame with"
                        + " every box in sight after %,d ms (UI thread busy %,d ms of it); %,d boxes in sight,"
                        + " %s, %,d box controls%n", boxes, (loaded - start) / 1_000_000, (shown - start) / 1_000_000,
                        cpu / 1_000_000, view.canvas().boxesInSight(),
                        view.canvas().showsOverview() ? "as the overview" : "as controls", view.canvas().boxControls());
                long zoomStart = System.nanoTime();
                long zoomCpu = threads.getCurrentThreadCpuTime();
                view.canvas().zoomToBox(ChainDocuments.op(boxes - 1));
                afterNextFrame(stage, () -> stage.getScene().lookup("#node-" + ChainDocuments.op(boxes - 1)) == null,
                        () -> {
                            System.out.printf(Locale.ROOT, "zoomed to 100 %% on the last box: its neighbours drawn as"
                                    + " %,d box controls after %,d ms (UI thread busy %,d ms)%n",
                                    view.canvas().boxControls(), (System.nanoTime() - zoomStart) / 1_000_000,
                                    (threads.getCurrentThreadCpuTime() - zoomCpu) / 1_000_000);
                            Platform.exit();
                        });
            });
        }

        /**
         * Runs {@code then} after the first pulse, once {@code waiting} is false, that laid the scene out and handed
         * its frame to the renderer.
         */
        private static void afterNextFrame(Stage stage, java.util.function.BooleanSupplier waiting, Runnable then) {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                if (waiting.getAsBoolean()) {
                    Platform.requestNextPulse();
                    return;
                }
                stage.getScene().removePostLayoutPulseListener(listener[0]);
                Platform.runLater(then);
            };
            stage.getScene().addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
