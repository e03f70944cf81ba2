package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradviz run} in a small heap: a program that fills it ends as Python's would, not with a Java trace. */
class RunOutOfMemoryTest {

    @TempDir
    Path dir;

    private GradvizProcess runIn64MegabyteHeap(String source) throws Exception {
        Path prog = dir.resolve("prog.py");
        Files.writeString(prog, source);
        return GradvizProcess.run(dir.resolve("out.txt").toFile(), List.of("-Xmx64m"), "run", prog.toString());
    }

    @Test
    void aProgramThatFillsTheHeapEndsWithPythonsMemoryErrorTraceback() throws Exception {
        GradvizProcess run = runIn64MegabyteHeap("rows = []\nwhile True:\n    rows.append([1.5] * 100000)\n");
        assertAll(
                () -> assertEquals(ExitCode.FAILED, run.exitCode(), run.err()),
                () -> assertTrue(run.err().startsWith("Traceback (most recent call last):\n"), run.err()),
                () -> assertTrue(run.err().endsWith("    rows.append([1.5] * 100000)\nMemoryError\n"), run.err()),
                () -> assertFalse(run.err().contains("java."), run.err()));
    }

    @Test
    void aTensorLargerThanTheHeapIsTorchsAllocatorErrorWithTorchsByteCount() throws Exception {
        // 10^7 float64 elements: 80 MB > 64 MB, and torch's message counts 8 * 10^7 bytes
        GradvizProcess run = runIn64MegabyteHeap("import torch\nx = torch.ones(10**7, dtype=torch.float64)\n");
        assertAll(
                () -> assertEquals(ExitCode.FAILED, run.exitCode(), run.err()),
                () -> assertTrue(run.err().endsWith("    x = torch.ones(10**7, dtype=torch.float64)\nRuntimeError: [enforce"
                        + " fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to"
                        + " allocate 80000000 bytes. Error code 12 (Cannot allocate memory)\n"), run.err()));
    }

    @Test
    void float32ElementsTakeFourBytesSoTenMillionFitWhereFloat64DoNot() throws Exception {
        // 10^7 float32 elements are 40 MB held as floats; as doubles (80 MB) they would not fit in 64 MB
        GradvizProcess run = runIn64MegabyteHeap("import torch\nx = torch.ones(10**7)\nprint(x.sum())\n");
        assertAll(
                () -> assertEquals(ExitCode.OK, run.exitCode(), run.err()),
                () -> assertEquals("tensor(10000000.)\n", Files.readString(dir.resolve("out.txt"))));
    }
}
