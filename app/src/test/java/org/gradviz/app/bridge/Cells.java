package org.gradviz.app.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.Examples;
import org.gradviz.app.script.runtime.ScriptRunner;

/** The example cells and what the runner prints for a cell. */
final class Cells {
    private Cells() {
    }

    /** The names (without extension) of the examples that have both a {@code .py} cell and a {@code .json}. */
    static List<String> pairedExamples() {
        return Examples.documents().stream()
                .map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                .filter(name -> Files.isRegularFile(Examples.file(name + ".py")))
                .toList();
    }

    static String source(String example) {
        try {
            return Files.readString(Examples.file(example + ".py"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the runner prints on stdout for {@code source}; fails when the run does not end normally. */
    static String stdout(String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScriptRunner.Outcome outcome;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            outcome = new ScriptRunner(source, "cell.py", "/work/cell.py").run(o, e);
        }
        if (outcome.exitCode() != ScriptRunner.OK) {
            throw new AssertionError("the cell did not run (exit " + outcome.exitCode() + "):\n"
                    + err.toString(StandardCharsets.UTF_8) + "\n" + source);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Path example(String name) {
        return Examples.file(name);
    }
}
