package org.gradviz.app.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.ExportFormat;
import org.gradviz.app.render.GraphExporter;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.script.runtime.ScriptRunner;
import org.gradviz.engine.Tensor;

/**
 * Times gradviz laying out (and drawing) the autograd graph of a 100-layer MLP, about 1 000 nodes, in a warm
 * JVM, with the dot program and with the embedded engine. Writes the program and its DOT text to target/bench
 * so {@code dot -Txdot} alone can be timed on the same text (hyperfine; see README, Benchmarks).
 *
 * <p>{@code mvn -B -q -pl app -Pbench test-compile exec:exec} (args: {@code -Dbench.args="LAYERS RUNS"}).
 */
public final class LayoutBenchmark {
    private LayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        String source = MlpProgram.source(layers, 8);
        Path program = dir.resolve("mlp-" + layers + ".py");
        Files.writeString(program, source);

        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        ScriptRunner.Outcome outcome = new ScriptRunner(source, program.toString(), program.toString())
                .runWithDeepStack(discard, System.err);
        if (outcome.exitCode() != ScriptRunner.OK) {
            throw new IllegalStateException(outcome.problem());
        }
        Tensor loss = (Tensor) outcome.globals().get("loss");
        long start = System.nanoTime();
        String dot = AutogradDot.render(loss, outcome.globals(), GraphOptions.DEFAULT);
        double dotMillis = (System.nanoTime() - start) / 1e6;
        Path dotFile = dir.resolve("mlp-" + layers + ".dot");
        Files.writeString(dotFile, dot);
        long nodes = dot.lines().filter(l -> l.matches("\\t\\w+ \\[.*")).count();
        System.out.printf("graph: %d layers, %d nodes; DOT text built in %.1f ms; written to %s%n", layers, nodes,
                dotMillis, dotFile);

        for (GraphvizEngineKind kind : GraphvizEngineKind.values()) {
            if (kind == GraphvizEngineKind.DOT_BINARY && GraphvizEngineKind.detect() != kind) {
                System.out.println("dot program: not on the PATH, skipped");
                continue;
            }
            GraphvizService graphviz = GraphvizService.shared(kind);
            GraphExporter exporter = new GraphExporter(graphviz);
            int n = kind == GraphvizEngineKind.EMBEDDED ? Math.max(3, runs / 3) : runs;
            graphviz.layoutJson(dot); // warm-up: engine start, JIT
            exporter.export(dot, ExportFormat.PNG, 96);
            double[] layout = new double[n];
            double[] png = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                graphviz.layoutJson(dot);
                long t1 = System.nanoTime();
                exporter.export(dot, ExportFormat.PNG, 96);
                long t2 = System.nanoTime();
                layout[i] = (t1 - t0) / 1e6;
                png[i] = (t2 - t1) / 1e6;
            }
            System.out.printf("%-10s layout (Graphviz json): median %.0f ms, min %.0f ms; whole PNG export: median"
                    + " %.0f ms, min %.0f ms (%d runs)%n", kind.name().toLowerCase(), median(layout), min(layout),
                    median(png), min(png), n);
        }
        System.out.printf("compare: hyperfine --warmup 2 'dot -Txdot %s -o /dev/null'%n", dotFile);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
