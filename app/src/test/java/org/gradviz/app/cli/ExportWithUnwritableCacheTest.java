package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --engine embedded} with a cache folder that cannot be made still draws (in a JVM of its own). */
class ExportWithUnwritableCacheTest {
    @TempDir
    Path dir;

    @Test
    void embeddedEngineFallsBackToATemporaryFolder() throws Exception {
        Path impossible = Files.writeString(dir.resolve("a-file"), "").resolve("cache"); // not even root can make it
        Path svg = dir.resolve("graph.svg");

        GradvizProcess export = GradvizProcess.run(new File("/dev/null"), List.of("-Dgradviz.cache=" + impossible),
                "export", Examples.file("one-layer-bce.json").toString(), "-o", svg.toString(), "--engine", "embedded");

        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.readString(svg).contains("<svg"));
    }
}
