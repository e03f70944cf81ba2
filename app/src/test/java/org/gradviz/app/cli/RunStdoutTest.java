package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private GradvizProcess runToFullDevice(String source) throws Exception {
        assumeTrue(FULL.exists(), "no /dev/full here");
        Path prog = Files.writeString(dir.resolve("prog.py"), source);
        return GradvizProcess.run(FULL, List.of(), "run", prog.toString());
    }

    @Test
    void smallOutputThatCannotBeFlushedAtExitExits120() throws Exception {
        GradvizProcess run = runToFullDevice("print('hello')\n");

        assertEquals(120, run.exitCode(), run.err());
        assertEquals("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
                + "OSError: [Errno 28] No space left on device\n", run.err());
    }

    @Test
    void largeOutputRaisesOSErrorFromPrintAndExitsOne() throws Exception {
        GradvizProcess run = runToFullDevice("for i in range(100000):\n    print(i)\n");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().endsWith("    print(i)\nOSError: [Errno 28] No space left on device\n"), run.err());
    }
}
