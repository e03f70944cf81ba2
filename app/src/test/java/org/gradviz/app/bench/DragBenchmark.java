package org.gradviz.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.shell.MainWindow;

/**
 * Frames per second while a box is dragged in a 200-box graph (100 parameters feeding a chain of 100
 * adds), in a real window. Every frame moves the dragged box by one mouse-drag event; the rate is
 * frames shown per second over the drag, after a warm-up. Run under Xvfb with software rendering:
 * {@code xvfb-run -a -s '-screen 0 1920x1080x24' java -Dprism.order=sw -cp app/target/gradviz.jar:app/target/test-classes org.gradviz.app.bench.DragBenchmark}
 */
public final class DragBenchmark {
    private static final int CHAIN = 100;
    private static final int WARM_UP_FRAMES = 120;
    private static final int MEASURED_FRAMES = 600;

    public static void main(String[] args) {
        // a plain main class: the java launcher refuses a non-modular main class that extends Application
        Application.launch(Window.class, args);
    }

    /** The benchmark's window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            run(stage);
        }
    }

    static void run(Stage stage) {
        EditorModel model = new EditorModel(graph(), null);
        MainWindow.install(stage, model, s -> "");
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
        Node box = stage.getScene().lookup("#node-a50");
        Bounds b = box.localToScene(box.getBoundsInLocal());
        double x0 = b.getMinX() + 20;
        double y0 = b.getMinY() + 12;
        fire(box, MouseEvent.MOUSE_PRESSED, x0, y0);
        List<Long> frames = new ArrayList<>();
        new AnimationTimer() {
            private int frame;

            @Override
            public void handle(long now) {
                frame++;
                double angle = frame / 20.0;
                fire(box, MouseEvent.MOUSE_DRAGGED, x0 + 120 * Math.cos(angle), y0 + 120 * Math.sin(angle));
                if (frame > WARM_UP_FRAMES) {
                    frames.add(now);
                }
                if (frames.size() == MEASURED_FRAMES) {
                    stop();
                    fire(box, MouseEvent.MOUSE_RELEASED, x0, y0);
                    report(frames);
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void report(List<Long> frames) {
        double seconds = (frames.get(frames.size() - 1) - frames.get(0)) / 1e9;
        double[] gaps = new double[frames.size() - 1];
        for (int i = 1; i < frames.size(); i++) {
            gaps[i - 1] = (frames.get(i) - frames.get(i - 1)) / 1e6;
        }
        Arrays.sort(gaps);
        System.out.printf(Locale.ROOT, "drag in a %d-box graph: %.1f frames/s over %d frames; frame time p50 %.1f ms, "
                + "p95 %.1f ms, max %.1f ms%n", 2 * CHAIN, (frames.size() - 1) / seconds, frames.size(),
                gaps[gaps.length / 2], gaps[(int) (gaps.length * 0.95)], gaps[gaps.length - 1]);
    }

    private static void fire(Node target, javafx.event.EventType<MouseEvent> type, double sceneX, double sceneY) {
        Event.fireEvent(target, new MouseEvent(type, sceneX, sceneY, sceneX, sceneY, MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false, null));
    }

    /** p0…p99 (parameters, randn(3)) and a0 = p0 + p1, a_i = a_{i-1} + p_{i+1}: 200 boxes, 199 edges. */
    static GraphDocument graph() {
        return graph(CHAIN);
    }

    /** p0…p(n-1) and a chain of n adds: 2n boxes. */
    static GraphDocument graph(int chain) {
        List<TensorSource> tensors = new ArrayList<>();
        List<OpNode> nodes = new ArrayList<>();
        List<Connection> edges = new ArrayList<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        for (int i = 0; i < chain; i++) {
            tensors.add(new TensorSource("p" + i, TensorRole.PARAMETER, List.of(3), null, true, new Initializer.Randn()));
            positions.put("p" + i, new Position((i % 10) * 300, (i / 10) * 260));
        }
        for (int i = 0; i < chain; i++) {
            nodes.add(OpNode.of("a" + i, OpKind.ADD));
            edges.add(new Connection(i == 0 ? "p0" : "a" + (i - 1), "a" + i, "input"));
            edges.add(new Connection("p" + Math.min(i + 1, chain - 1), "a" + i, "other"));
            positions.put("a" + i, new Position((i % 10) * 300 + 150, (i / 10) * 260 + 120));
        }
        edges.remove(edges.size() - 1); // p99 feeds a98 only, so every port is used once
        edges.add(new Connection("p0", "a" + (chain - 1), "other"));
        return new GraphDocument(GraphDocument.CURRENT_VERSION, "drag benchmark", 0L, tensors, nodes, edges,
                "a" + (chain - 1), positions, null);
    }
}
