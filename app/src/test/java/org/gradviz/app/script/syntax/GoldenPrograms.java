package org.gradviz.app.script.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed programs under the golden directory: system property gradviz.golden, else ../../shared/golden. */
final class GoldenPrograms {

    private GoldenPrograms() {
    }

    static Path directory() {
        String configured = System.getProperty("gradviz.golden");
        Path golden = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/golden").normalize();
        return golden.resolve("programs");
    }

    static List<Path> paths() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sources() {
        return paths().stream().map(GoldenPrograms::read).toList();
    }
}
