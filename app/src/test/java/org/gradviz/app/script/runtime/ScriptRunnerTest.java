package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hook a run hands its interpreter to before the first statement (how --trace starts recording). */
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
        ScriptRunner runner = new ScriptRunner("x = 1\ndel x\n", "prog.py", "/work/prog.py");

        ScriptRunner.Outcome outcome = runner.run(nowhere, nowhere, interpreter -> called.set(true));

        assertEquals(ScriptRunner.REFUSED, outcome.exitCode());
        assertFalse(called.get());
    }
}
