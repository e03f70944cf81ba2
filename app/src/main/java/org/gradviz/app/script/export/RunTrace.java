package org.gradviz.app.script.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.app.script.runtime.Interpreter;

/**
 * The {@code gradviz run --trace} file: what the engine did while a program ran, in the engine's own order (forward
 * ops, each backward's nodes as PyTorch runs them, the gradients sent along edges and accumulated into leaves).
 * Format documented in README.md ("gradviz run --trace"). Recording is a {@link TraceRecorder}; variable names are
 * given when the file is written, from the variables the program holds at its end, as in {@link RunJson}.
 */
public final class RunTrace implements AutoCloseable {
    private final TraceRecorder recorder;

    private RunTrace(TraceRecorder recorder) {
        this.recorder = recorder;
    }

    /**
     * Starts recording on the calling thread, which must be the one about to run the program of {@code interpreter}
     * (see {@code ScriptRunner.run(out, err, beforeRun)}); {@link #close()} stops.
     */
    public static RunTrace start(Interpreter interpreter) {
        return new RunTrace(TraceRecorder.start(t -> RunJson.variableNames(interpreter.globals()).apply(t),
                interpreter::currentLine));
    }

    /** The JSON tree of what was recorded, tensors named by the module-level variables {@code globals}. */
    public Map<String, Object> tree(Map<String, Object> globals) {
        return tree(recorder.events(RunJson.variableNames(globals)));
    }

    /** Writes {@link #tree(Map)} to {@code file} atomically, as {@link RunJson#write} does. */
    public void write(Map<String, Object> globals, Path file) throws IOException {
        RunJson.writeAtomically(tree(globals), file);
    }

    @Override
    public void close() {
        recorder.close();
    }

    /** {@code {"events": [...]}}: the events of the file format in order; the others are left out. */
    public static Map<String, Object> tree(List<TraceEvent> events) {
        List<Object> out = new ArrayList<>(events.size());
        for (TraceEvent event : events) {
            Map<String, Object> json = event(event);
            if (json != null) {
                out.add(json);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("events", out);
        return root;
    }

    /** One event as JSON, or null for events not in the file (retained-grad and leaf updates). */
    private static Map<String, Object> event(TraceEvent event) {
        if (event instanceof TraceEvent.OpExecuted e) {
            Map<String, Object> m = typed("op");
            m.put("op", e.op());
            m.put("grad_fn", e.gradFn());
            m.put("line", e.line());
            return m;
        } else if (event instanceof TraceEvent.BackwardStarted e) {
            Map<String, Object> m = typed("backward_started");
            m.put("line", e.line());
            m.put("root", e.rootName());
            return m;
        } else if (event instanceof TraceEvent.NodeStarted e) {
            Map<String, Object> m = typed("node");
            m.put("name", e.name());
            m.put("variable", e.variable());
            List<Object> grads = new ArrayList<>(e.gradsIn().size());
            e.gradsIn().forEach(g -> grads.add(values(g)));
            m.put("grads_in", grads);
            return m;
        } else if (event instanceof TraceEvent.GradientSent e) {
            Map<String, Object> m = typed("sent");
            m.put("from", e.fromName());
            m.put("to", e.toName());
            m.put("input", e.inputIndex());
            m.put("grad", values(e.grad()));
            return m;
        } else if (event instanceof TraceEvent.GradAccumulated e) {
            Map<String, Object> m = typed("accumulated");
            m.put("variable", e.variable());
            m.put("before", values(e.before()));
            m.put("after", values(e.after()));
            return m;
        } else if (event instanceof TraceEvent.BackwardFinished e) {
            Map<String, Object> m = typed("backward_finished");
            m.put("error", e.error());
            return m;
        }
        return null;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    private static Object values(TensorValue v) {
        return RunJson.values(v);
    }
}
