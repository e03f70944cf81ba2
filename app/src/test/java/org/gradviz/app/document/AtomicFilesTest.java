package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFileIsReadableByOthersNotPrivateLikeATempFile() throws Exception {
        Path file = dir.resolve("out.png");
        AtomicFiles.write(file, new byte[] {1, 2});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void replacedFileKeepsItsPermissionsAndGetsTheNewContent() throws Exception {
        Path file = dir.resolve("doc.json");
        Files.write(file, new byte[] {0});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(file, new byte[] {7, 8});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(2, Files.size(file));
    }
}
