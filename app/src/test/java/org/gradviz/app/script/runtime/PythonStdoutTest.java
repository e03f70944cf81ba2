package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Standard output on a device that refuses every write ({@code /dev/full}), against what CPython 3.11 does there
 * (observed with {@code python3 prog.py > /dev/full}, default buffering): a small output fails only at exit,
 * reported as below with exit status 120; a large one makes {@code print} raise {@code OSError}.
 */
class PythonStdoutTest {
    private static final Path FULL = Path.of("/dev/full");

    private static PythonStdout onFullDevice() throws Exception {
        assumeTrue(Files.exists(FULL), "no /dev/full here");
        return new PythonStdout(new FileOutputStream(FULL.toFile()));
    }

    @Test
    void smallOutputFailsAtExitAsCPythonReportsIt() throws Exception {
        PythonStdout out = onFullDevice();
        out.print("tensor(0.9003)\n");

        assertEquals("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                + "OSError: [Errno 28] No space left on device\n", out.flushAtExit());
        assertEquals(120, PythonStdout.EXIT_STATUS_FLUSH_FAILED);
    }

    @Test
    void printThatOverflowsTheBufferRaisesOSError() throws Exception {
        PythonStdout out = onFullDevice();
        PyError e = assertThrows(PyError.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                out.print(i + "\n");
            }
        });
        assertEquals("OSError: [Errno 28] No space left on device", e.pythonLine());
        assertNull(out.flushAtExit(), "the failure was raised in the program, not again at exit");
    }

    @Test
    void programWhosePrintFailsEndsWithATracebackAndStatusOne() throws Exception {
        PythonStdout out = onFullDevice();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScriptRunner runner = new ScriptRunner("for i in range(100000):\n    print(i)\n", "big.py", "big.py");

        ScriptRunner.Outcome outcome = runner.runWithDeepStack(out,
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, outcome.exitCode());
        assertEquals("Traceback (most recent call last):\n  File \"big.py\", line 2, in <module>\n    print(i)\n"
                + "OSError: [Errno 28] No space left on device\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writtenOutputArrivesWholeOnAWorkingStream() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PythonStdout out = new PythonStdout(sink);
        String big = "x".repeat(20_000);
        out.print("a\n");
        out.print(big);
        out.println("é");

        assertNull(out.flushAtExit());
        assertEquals("a\n" + big + "é\n", sink.toString(StandardCharsets.UTF_8));
    }
}
