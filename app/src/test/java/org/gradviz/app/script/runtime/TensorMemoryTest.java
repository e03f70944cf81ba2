package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A tensor whose storage cannot be had is torch's error as a normal traceback, never a Java error. */
class TensorMemoryTest {

    private static final String ALLOC = "RuntimeError: [enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator:"
            + " can't allocate memory: you tried to allocate %d bytes. Error code 12 (Cannot allocate memory)";

    /** Every row of fixtures/memory_errors.tsv, raised by real torch 1.13 (make_memory_fixtures.py). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("torchFailures")
    void aCallTorchCannotAllocateRaisesTorchsError(String call, String error) {
        ScriptRun run = ScriptRun.of("import torch\nx = " + call + "\n");
        assertAll(
                () -> assertEquals(ScriptRunner.FAILED, run.exitCode()),
                () -> assertEquals("Traceback (most recent call last):\n  File \"/work/prog.py\", line 2, in <module>\n"
                        + "    x = " + call + "\n" + error + "\n", run.err()));
    }

    @Test
    void aSizeTorchCouldAllocateButThisHeapCannotGivesTorchsAllocatorErrorWithItsByteCount() {
        // torch allocates 50000 x 50000 float32 on a machine with 10 GB to spare; this heap holds 8-byte elements
        assumeTrue(Runtime.getRuntime().maxMemory() < 50_000L * 50_000 * 8, "the heap holds the tensor");
        assertEquals(String.format(ALLOC, 50_000L * 50_000 * 4), ScriptRun.of("import torch\nx = torch.eye(50000)\n")
                .lastErrLine());
        assertEquals(String.format(ALLOC, 40_000L * 40_000 * 4),
                ScriptRun.of("import torch\nx = torch.ones(40000, 40000)\n").lastErrLine());
        assertEquals(String.format(ALLOC, 1_000_000_000L * 8),
                ScriptRun.of("import torch\nx = torch.ones(10**9, dtype=torch.float64)\n").lastErrLine());
    }

    @Test
    void aProgramCanCatchTheAllocatorErrorAndGoOn() {
        ScriptRun run = ScriptRun.of("import torch\ntry:\n    x = torch.ones(100000, 100000)\n"
                + "except RuntimeError as e:\n    print('caught', str(e)[:11])\nprint(torch.ones(2).sum())\n");
        assertAll(
                () -> assertEquals(ScriptRunner.OK, run.exitCode(), run::err),
                () -> assertEquals("caught [enforce fa\ntensor(2.)\n", run.out()));
    }

    @Test
    void aBroadcastWhoseResultNoArrayHoldsIsTheAllocatorErrorNotAnInternalError() {
        // (100000, 1) + (1, 100000) is 10^10 elements: torch counts 4 bytes each for float32
        ScriptRun run = ScriptRun.of("import torch\nx = torch.ones(100000, 1) + torch.ones(1, 100000)\n");
        assertEquals(String.format(ALLOC, 40_000_000_000L), run.lastErrLine());
    }

    static List<String[]> torchFailures() throws IOException {
        try (InputStream in = TensorMemoryTest.class.getResourceAsStream("/fixtures/memory_errors.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(line -> line.split("\t")).toList();
        }
    }
}
