package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gradviz run}: exit statuses and the --json file (the program's stdout goes to the real stdout). */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(document -> { }, dir.resolve("none.json"));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path program(String source) throws Exception {
        return Files.writeString(dir.resolve("prog.py"), source);
    }

    @Test
    void missingFileExitsWithUsageError() {
        assertEquals(2, run("run", dir.resolve("nope.py").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void programThatRunsExitsZeroAndWritesJson() throws Exception {
        Path json = dir.resolve("out.json");
        int code = run("run", program("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n").toString(),
                "--json", json.toString());

        assertEquals(0, code);
        String text = Files.readString(json);
        assertTrue(text.contains("\"MulBackward0\""), text);
        assertTrue(text.contains("\"variable\" : \"x\""), text);
    }

    @Test
    void uncaughtErrorExitsOne() throws Exception {
        assertEquals(1, run("run", program("x = 1 / 0\n").toString()));
    }

    @Test
    void refusedProgramExitsTwoAndWritesNoJson() throws Exception {
        Path json = dir.resolve("out.json");
        assertEquals(2, run("run", program("while True:\n    pass\n").toString(), "--json", json.toString()));
        assertFalse(Files.exists(json));
    }
}
