package org.gradviz.app.script.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A program run in-process: what it printed on stdout and stderr, and its exit status. */
record ScriptRun(String out, String err, int exitCode, Map<String, Object> globals) {

    static final String PATH = "/work/prog.py";

    static ScriptRun of(String source) {
        return of(source, PATH);
    }

    static ScriptRun of(String source, String path) {
        return of(source, path, List.of("prog.py"));
    }

    /** A run whose {@code sys.argv} is {@code argv}. */
    static ScriptRun of(String source, String path, List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScriptRunner.Outcome outcome;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            outcome = new ScriptRunner(source, "prog.py", path).withArgv(argv).runWithDeepStack(o, e);
        } catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
        return new ScriptRun(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                outcome.exitCode(), outcome.globals());
    }

    /** The last non-blank line of stderr, as the golden check compares it. */
    String lastErrLine() {
        String[] lines = err.strip().split("\n");
        return lines[lines.length - 1];
    }
}
