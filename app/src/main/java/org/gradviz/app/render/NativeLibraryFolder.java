package org.gradviz.app.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradviz.app.document.IoReason;

/**
 * Where the embedded engine's native library is extracted: {@code CACHE/j2v8}, or, when that folder cannot be made
 * or written (a read-only home, {@code XDG_CACHE_HOME} set to a place such as {@code /proc/nope}), a private
 * temporary folder removed at exit. Only when neither can be written does the embedded engine fail, saying what
 * to set.
 */
final class NativeLibraryFolder {

    private NativeLibraryFolder() {
    }

    static Path choose(Path cacheFolder) {
        Path preferred = cacheFolder.resolve("j2v8");
        try {
            Files.createDirectories(preferred);
            if (Files.isWritable(preferred)) {
                return preferred;
            }
        } catch (IOException e) {
            // not usable: fall back below
        }
        try {
            Path temporary = Files.createTempDirectory("gradviz-j2v8-");
            temporary.toFile().deleteOnExit();
            temporary.resolve(J2v8Library.RESOURCE).toFile().deleteOnExit(); // deleted first: reverse order
            return temporary;
        } catch (IOException e) {
            throw new RenderException("Graphviz (embedded) cannot write its cache folder " + preferred
                    + " nor a temporary folder (" + IoReason.of(e) + "); set XDG_CACHE_HOME or -Dgradviz.cache to"
                    + " a writable folder", e);
        }
    }
}
