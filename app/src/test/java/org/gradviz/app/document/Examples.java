package org.gradviz.app.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files in the project's {@code examples/} folder and the golden data beside the clone. */
public final class Examples {
    private Examples() {
    }

    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))
                    && Files.isDirectory(p.resolve("engine"))) {
                return p.resolve("examples");
            }
        }
        throw new IllegalStateException("no examples/ folder above " + here);
    }

    public static Path file(String name) {
        return folder().resolve(name);
    }

    /** Every {@code .json} document in examples/, sorted by name. */
    public static List<Path> documents() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ../shared/golden}, or the folder the build passes as {@code gradviz.golden}. */
    public static Path golden() {
        String property = System.getProperty("gradviz.golden");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property);
        }
        return folder().getParent().resolve("../shared/golden").normalize();
    }
}
