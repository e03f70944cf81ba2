package org.gradviz.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.LeafNames;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.script.export.RunJson;
import org.gradviz.app.script.runtime.Interpreter;
import org.gradviz.app.script.runtime.PyTuple;
import org.gradviz.app.script.runtime.ScriptRunner;
import org.gradviz.app.slides.LastBackward;
import org.gradviz.app.slides.StepDot;
import org.gradviz.engine.Tensor;

/**
 * A program. For the autograd view it is run to its end by the code runner, its output discarded, and the
 * graph of a module-level tensor is drawn (by default {@code loss}, else the last tensor variable with a
 * grad_fn), leaves named after the program's variables; values and gradients are what the program left. The
 * network view comes from the {@link ProgramImporter} instead, without running the program here (and its steps are
 * those of the imported document's Forward and Backward).
 */
final class ProgramInput implements ExportInput {
    private static final String DEFAULT_ROOT = "loss";

    private final Path file;
    private final ProgramImporter importer;

    ProgramInput(Path file, ProgramImporter importer) {
        this.file = file;
        this.importer = importer;
    }

    /** Runs the program; a refusal or an uncaught error is one line naming file and line. */
    private Map<String, Object> run() {
        return run(interpreter -> { });
    }

    /** {@link #run()}, handing {@code beforeRun} the interpreter on the thread about to run the program. */
    private Map<String, Object> run(Consumer<Interpreter> beforeRun) {
        byte[] source;
        try {
            source = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        ScriptRunner runner = ScriptRunner.ofBytes(source, file.toString(),
                file.toAbsolutePath().normalize().toString());
        ScriptRunner.Outcome outcome;
        try {
            outcome = runner.runWithDeepStack(discard, discard, beforeRun);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput("interrupted while running " + file);
        }
        if (outcome.exitCode() != ScriptRunner.OK) {
            throw new BadInput(outcome.problem());
        }
        return withListsForTuples(outcome.globals());
    }

    @Override
    public GraphOptions ownOptions() {
        return GraphOptions.DEFAULT;
    }

    @Override
    public String autogradDot(String root, GraphOptions options) {
        Map<String, Object> globals = run();
        return AutogradDot.render(rootTensor(root, globals), globals, options);
    }

    /**
     * The program run with the engine's events recorded; the steps are those of the last {@code backward()} it ran,
     * drawn on the graph of {@code root} (by default as {@link #autogradDot}'s) as it stands when the program ends.
     */
    @Override
    public BackwardSteps autogradSteps(String root, GraphOptions options) {
        AtomicReference<TraceRecorder> recorder = new AtomicReference<>();
        Map<String, Object> globals;
        try {
            globals = run(interpreter -> recorder.set(TraceRecorder.start(t -> null, interpreter::currentLine)));
        } finally {
            if (recorder.get() != null) {
                recorder.get().close();
            }
        }
        TraceRecorder recorded = recorder.get();
        Recording recording = LastBackward.of(recorded.events(RunJson.variableNames(globals))).orElseThrow(() ->
                new BadInput(file.getFileName() + " has no backward pass to show: it never calls .backward()"));
        AutogradPicture picture = AutogradPicture.of(rootTensor(root, globals), LeafNames.of(globals), options,
                recorded::nodeId, recorded::tensorId);
        return new BackwardSteps(recording, step -> StepDot.autograd(picture, recording, step));
    }

    @Override
    public BackwardSteps networkSteps(GraphOptions options) {
        return importedDocument().networkSteps(options);
    }

    /** The tensor {@code root} names, or the default root; refused when it has no graph. */
    private Tensor rootTensor(String root, Map<String, Object> globals) {
        String rootName = root != null ? root : defaultRoot(globals);
        Object value = globals.get(rootName);
        if (!(value instanceof Tensor tensor)) {
            throw new BadInput("--root \"" + rootName + "\" names no tensor variable of " + file.getFileName());
        }
        if (tensor.gradFn() == null) {
            throw new BadInput("--root \"" + rootName + "\" has no grad_fn, so there is no graph to draw");
        }
        return tensor;
    }

    @Override
    public String networkDot(GraphOptions options) {
        return importedDocument().networkDot(options);
    }

    /** The network of the program, as the importer makes it a document. */
    private DocumentInput importedDocument() {
        return new DocumentInput(file.getFileName().toString(), importer.importProgram(file));
    }

    /** {@code loss} when the program has it, else the last tensor variable (in order of first assignment) with a grad_fn. */
    private String defaultRoot(Map<String, Object> globals) {
        if (globals.get(DEFAULT_ROOT) instanceof Tensor) {
            return DEFAULT_ROOT;
        }
        String last = null;
        for (Map.Entry<String, Object> e : globals.entrySet()) {
            if (e.getValue() instanceof Tensor t && t.gradFn() != null) {
                last = e.getKey();
            }
        }
        if (last == null) {
            throw new BadInput(file + ": no tensor variable has a grad_fn, so there is no graph to draw; compute"
                    + " something from a tensor made with requires_grad=True");
        }
        return last;
    }

    /** The variables with tuples as lists, so tensors kept in either get names like {@code params[0]}. */
    private static Map<String, Object> withListsForTuples(Map<String, Object> globals) {
        Map<String, Object> out = new LinkedHashMap<>();
        globals.forEach((name, value) -> out.put(name, value instanceof PyTuple tuple ? tuple.items() : value));
        return out;
    }
}
