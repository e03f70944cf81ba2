package org.gradviz.app.document;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way the app writes a file: all at once or not at all. A regular file (or a new one) is written to a
 * temporary sibling {@code .NAME.NNN.tmp}, synced to disk, then moved over the target in one step; the file keeps
 * the permissions it had, a new file gets the usual rw-r--r-- (a temporary file alone would be private to its
 * owner). A symlink is followed: its final target is replaced, the link stays. Anything else that exists (a FIFO,
 * a device such as {@code /dev/null}) is written through, never replaced. Temporaries of this pattern left beside
 * the target by a killed writer are removed once they are an hour old ({@link StaleTemporaries}).
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final int MAX_LINKS = 40;

    /** Writes a file's content to a stream (which it need not close). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        write(file, out -> out.write(content));
    }

    /**
     * Writes what {@code content} streams to {@code file}. A failure is a {@link FileSystemException} naming
     * {@code file} as given (never the temporary file) with the reason.
     */
    public static void write(Path file, Content content) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new FileSystemException(file.toString(), null, "is a folder");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                writeThrough(file, content);
            } else {
                replace(finalTarget(file), content);
            }
        } catch (IOException e) {
            throw new FileSystemException(file.toString(), null, IoReason.of(e));
        }
    }

    /** A FIFO, a device: opened and written like the shell's {@code >} does, never renamed over. */
    private static void writeThrough(Path file, Content content) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE))) {
            content.writeTo(unclosable(out));
        }
    }

    private static void replace(Path target, Content content) throws IOException {
        Path folder = target.getParent();
        StaleTemporaries.removeBeside(target);
        Path tmp = Files.createTempFile(folder, StaleTemporaries.prefix(target), StaleTemporaries.SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(unclosable(out));
                out.flush();
                channel.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp,
                        Files.exists(target) ? Files.getPosixFilePermissions(target) : NEW_FILE);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Where {@code file} really is: its absolute path, or for a symlink (also one pointing at a file that does not
     * exist yet) the file at the end of the chain of links, so that the move replaces the file and keeps the link.
     */
    static Path finalTarget(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        if (Files.exists(path)) {
            return path.toRealPath();
        }
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
        }
        return path;
    }

    /** Makes the rename itself durable; a folder that cannot be synced (some file systems) is left as it is. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the move is done; durability of the folder entry is the file system's business here
        }
    }

    /** The stream handed to content writers: closing it (Jackson does) only flushes, the writer closes the file. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
