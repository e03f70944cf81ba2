package org.gradviz.app.shell;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For the launch benchmark only ({@code -Dgradviz.launchProbe=true}): once the main window is shown and its
 * first frame has been laid out and handed to the renderer, prints the time since the JVM started and
 * quits. See {@code app/src/test/bench/launch.sh}.
 */
public final class LaunchProbe {
    public static final String PROPERTY = "gradviz.launchProbe";
    /** The line the benchmark script reads: {@code gradviz-launch-ms=1234 start-ms=… shown-ms=…}. */
    public static final String PREFIX = "gradviz-launch-ms=";

    private final PrintStream out;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private long startMs;
    private long shownMs;

    private LaunchProbe(PrintStream out) {
        this.out = out;
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Call in {@code Application.start} before {@code stage.show()}. */
    public static void arm(Stage stage, PrintStream out) {
        LaunchProbe probe = new LaunchProbe(out);
        probe.startMs = probe.sinceJvmStart();
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> probe.shown(stage));
    }

    private void shown(Stage stage) {
        shownMs = sinceJvmStart();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(listener[0]);
            // runs after the pulse that laid out and rendered the first frame
            Platform.runLater(this::report);
        };
        stage.getScene().addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private void report() {
        out.println(PREFIX + sinceJvmStart() + " start-ms=" + startMs + " shown-ms=" + shownMs);
        out.flush();
        Platform.exit();
    }

    private long sinceJvmStart() {
        return System.currentTimeMillis() - jvmStart;
    }
}
