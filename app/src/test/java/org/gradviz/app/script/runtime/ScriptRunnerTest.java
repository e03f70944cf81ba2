package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hook a run hands its interpreter to before the first statement (how --trace starts recording); source bytes. */
class ScriptRunnerTest {
    private final PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void beforeRunGetsTheInterpreterOnTheRunningThreadBeforeTheFirstStatement() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        ScriptRunner runner = new ScriptRunner("x = 1\ny = x + 1\n", "prog.py", "/work/prog.py");

        ScriptRunner.Outcome outcome = runner.runWithDeepStack(nowhere, nowhere, interpreter -> seen.add(Thread
                .currentThread().getName() + " " + interpreter.globals().keySet() + " " + interpreter.currentLine()));

        assertEquals(List.of("gradviz-run [] 0"), seen);
        assertEquals(ScriptRunner.OK, outcome.exitCode());
        assertEquals(2L, ((Number) outcome.globals().get("y")).longValue());
    }

    @Test
    void beforeRunIsNotCalledForARefusedProgram() {
        AtomicBoolean called = new AtomicBoolean();
        ScriptRunner runner = new ScriptRunner("x = 1\nasync def f():\n    pass\n", "prog.py", "/work/prog.py");

        ScriptRunner.Outcome outcome = runner.run(nowhere, nowhere, interpreter -> called.set(true));

        assertEquals(ScriptRunner.REFUSED, outcome.exitCode());
        assertFalse(called.get());
    }

    @Test
    void bytesThatAreNotUtf8AreOneSyntaxErrorLineAndNothingRuns() {
        byte[] bytes = {'p', 'r', 'i', 'n', 't', '(', '1', ')', '\n', '#', ' ', (byte) 0xff, '\n'};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        ScriptRunner.Outcome outcome = ScriptRunner.ofBytes(bytes, "prog.py", "/work/prog.py")
                .run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(ScriptRunner.REFUSED, outcome.exitCode());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        // python3 prints: SyntaxError: Non-UTF-8 code starting with '\xff' in file /work/prog.py on line 2, but ...
        assertEquals("prog.py:2:3: SyntaxError: Non-UTF-8 code starting with '\\xff' in file /work/prog.py on line 2, "
                + "but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void programWithAByteOrderMarkRuns() {
        byte[] bytes = "\uFEFFprint('bom ok')\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ScriptRunner.Outcome outcome = ScriptRunner.ofBytes(bytes, "prog.py", "/work/prog.py")
                .run(new PrintStream(out, true, StandardCharsets.UTF_8), nowhere);

        assertEquals(ScriptRunner.OK, outcome.exitCode());
        assertEquals("bom ok\n", out.toString(StandardCharsets.UTF_8));
    }
}
