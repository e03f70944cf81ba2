package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

    @Test
    void streamedContentIsWrittenWholeEvenWhenTheWriterClosesItsStream() throws Exception {
        Path file = dir.resolve("out.json");
        AtomicFiles.write(file, out -> {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.close(); // as Jackson does
        });
        assertEquals("{}", Files.readString(file));
        assertEquals(List.of("out.json"), namesInDir());
    }

    @Test
    void fifoIsWrittenThroughAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        AtomicFiles.write(fifo, new byte[] {4, 5, 6});

        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a FIFO, not a regular file moved over it");
        assertArrayEquals(new byte[] {4, 5, 6}, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void symlinkStaysALinkAndItsTargetGetsTheContent() throws Exception {
        Path real = Files.write(dir.resolve("real.json"), new byte[] {0});
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));

        AtomicFiles.write(link, new byte[] {9});

        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(real));
    }

    @Test
    void danglingSymlinkCreatesTheFileItPointsTo() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("later.json"));

        AtomicFiles.write(link, new byte[] {3});

        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(dir.resolve("later.json")));
    }

    @Test
    void failureNamesTheTargetAndTheReasonNotTheTemporaryFile() {
        Path file = dir.resolve("nope").resolve("out.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, new byte[] {1}));
        assertEquals(file + ": no such file or folder", e.getMessage());
    }

    @Test
    void folderIsRefusedNotReplaced() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.json"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(folder, new byte[] {1}));
        assertEquals(folder + ": is a folder", e.getMessage());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void staleTemporariesOfTheTargetAreRemovedAndNothingElse() throws Exception {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Path stale = old(dir.resolve(".out.png.8123456789.tmp"), twoHoursAgo);
        Path fresh = old(dir.resolve(".out.png.42.tmp"), Instant.now());
        Path otherTarget = old(dir.resolve(".other.png.8123456789.tmp"), twoHoursAgo);
        Path notDigits = old(dir.resolve(".out.png.abc.tmp"), twoHoursAgo);
        Path noDot = old(dir.resolve("out.png.8123456789.tmp"), twoHoursAgo);

        AtomicFiles.write(dir.resolve("out.png"), new byte[] {1});

        assertFalse(Files.exists(stale));
        for (Path kept : List.of(fresh, otherTarget, notDigits, noDot)) {
            assertTrue(Files.exists(kept), kept + " is not a stale temporary of out.png");
        }
    }

    private static Path old(Path file, Instant modified) throws IOException {
        Files.write(file, new byte[] {0});
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private List<String> namesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
