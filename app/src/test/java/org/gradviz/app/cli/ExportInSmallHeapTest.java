package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradviz export} in a JVM with a small heap: what does not fit is refused in one line, never a Java trace. */
class ExportInSmallHeapTest {

    @TempDir
    Path dir;

    private GradvizProcess export(String heap, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("export"));
        command.addAll(List.of(args));
        return GradvizProcess.run(dir.resolve("stdout.txt").toFile(), List.of(heap), command.toArray(String[]::new));
    }

    private static void assertOneLine(GradvizProcess run) {
        assertAll(
                () -> assertEquals(1, run.err().strip().lines().count(), run.err()),
                () -> assertFalse(run.err().contains("java."), run.err()),
                () -> assertFalse(run.err().contains("Exception"), run.err()));
    }

    @Test
    void aDocumentWhoseTensorTheHeapCannotHoldIsRefusedInOneLineBeforeAllocating() throws Exception {
        Path doc = dir.resolve("big.json");
        Files.writeString(doc, "{\"formatVersion\": 1, \"tensors\": [{\"name\": \"w\", \"role\": \"parameter\","
                + " \"shape\": [40000, 40000], \"requires_grad\": true, \"init\": {\"kind\": \"ones\"}}],"
                + " \"nodes\": [{\"name\": \"s\", \"op\": \"sum\"}], \"edges\": [{\"from\": \"w\", \"to\": \"s\","
                + " \"port\": \"input\"}]}");
        GradvizProcess run = export("-Xmx256m", doc.toString(), "-o", dir.resolve("g.dot").toString());
        assertOneLine(run);
        assertAll(
                () -> assertEquals(ExitCode.USAGE, run.exitCode(), run.err()),
                () -> assertTrue(run.err().startsWith("gradviz export: tensors[0] \"w\": shape (40000, 40000) has"
                        + " 1600000000 elements; gradviz has memory for "), run.err()));
    }

    @Test
    void aPngLargerThanTheHeapLeftIsRefusedInOneLineNamingTheMemory() throws Exception {
        // at 1900 dpi this graph is 9764 x 16335 pixels, 638 MB as ARGB: more than a 512 MB heap
        GradvizProcess run = export("-Xmx512m", Examples.file("one-layer-bce.json").toString(), "-o",
                dir.resolve("g.png").toString(), "--values", "--show-saved", "--dpi", "1900", "--engine", "embedded");
        assertOneLine(run);
        assertAll(
                () -> assertEquals(ExitCode.FAILED, run.exitCode(), run.err()),
                () -> assertTrue(run.err().contains("more than the memory left can draw"), run.err()),
                () -> assertTrue(run.err().strip().endsWith("give Java more memory (-Xmx)"), run.err()));
    }
}
