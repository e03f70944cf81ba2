package org.gradviz.app.document;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The temporary files {@link AtomicFiles} writes beside a target, {@code .NAME.NNN.tmp} (NNN the digits
 * {@link Files#createTempFile} picks), and the removal of those a killed writer left behind: only that exact
 * pattern, only beside the target being written, only regular files older than {@link #STALE_AFTER} (a younger one
 * may belong to a writer still at work).
 */
final class StaleTemporaries {
    static final String SUFFIX = ".tmp";
    static final Duration STALE_AFTER = Duration.ofHours(1);

    private StaleTemporaries() {
    }

    /** {@code .NAME.}: what a temporary for {@code target} starts with. */
    static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /** Removes the stale temporaries of {@code target}; one that cannot be removed is left for the next time. */
    static void removeBeside(Path target) {
        Pattern own = Pattern.compile(Pattern.quote(prefix(target)) + "\\d+" + Pattern.quote(SUFFIX));
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        DirectoryStream.Filter<Path> stale = p -> own.matcher(p.getFileName().toString()).matches()
                && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(staleBefore);
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), stale)) {
            for (Path p : leftovers) {
                deleteQuietly(p);
            }
        } catch (IOException | DirectoryIteratorException e) {
            // cleaning up is a courtesy: the write itself reports what matters
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // someone else's file after all (no permission), or gone already
        }
    }
}
