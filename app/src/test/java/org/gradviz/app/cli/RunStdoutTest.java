package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gradviz run prog.py > /dev/full} in a process of its own, against what {@code python3 prog.py > /dev/full}
 * does (CPython 3.11, default buffering, observed): a failed write to standard output is an error, never exit 0.
 */
class RunStdoutTest {
    private static final File FULL = new File("/dev/full");

    @TempDir
    Path dir;

    private record Finished(int exitCode, String err) {
    }

    private Finished runToFullDevice(String source) throws Exception {
        assumeTrue(FULL.exists(), "no /dev/full here");
        Path prog = Files.writeString(dir.resolve("prog.py"), source);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", prog.toString()))
                .redirectOutput(FULL)
                .start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Finished(process.exitValue(), err);
    }

    @Test
    void smallOutputThatCannotBeFlushedAtExitExits120() throws Exception {
        Finished run = runToFullDevice("print('hello')\n");

        assertEquals(120, run.exitCode(), run.err());
        assertEquals("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                + "OSError: [Errno 28] No space left on device\n", run.err());
    }

    @Test
    void largeOutputRaisesOSErrorFromPrintAndExitsOne() throws Exception {
        Finished run = runToFullDevice("for i in range(100000):\n    print(i)\n");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("    print(i)\nOSError: [Errno 28] No space left on device\n"), run.err());
    }
}
