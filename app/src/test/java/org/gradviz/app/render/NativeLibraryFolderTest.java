package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the embedded Graphviz extracts its library; the end-to-end check is ExportWithUnwritableCacheTest. */
class NativeLibraryFolderTest {
    @TempDir
    Path dir;

    /** A cache "folder" under a regular file: no one, not even root, can create it. */
    private Path impossibleFolder() throws Exception {
        return Files.writeString(dir.resolve("a-file"), "").resolve("cache");
    }

    @Test
    void unusableCacheFolderFallsBackToAWritableTemporaryFolder() throws Exception {
        Path chosen = NativeLibraryFolder.choose(impossibleFolder());

        assertTrue(Files.isDirectory(chosen) && Files.isWritable(chosen), chosen.toString());
        Files.deleteIfExists(chosen);
    }

    @Test
    void writableCacheFolderIsUsed() {
        assertEquals(dir.resolve("j2v8"), NativeLibraryFolder.choose(dir));
        assertTrue(Files.isDirectory(dir.resolve("j2v8")));
    }
}
