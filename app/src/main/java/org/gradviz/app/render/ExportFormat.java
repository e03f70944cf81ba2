package org.gradviz.app.render;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What an exported file holds, picked by the output file's extension. */
public enum ExportFormat {
    DOT, SVG, PNG, PDF;

    /** The file name extension, without the dot: {@code png}. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportFormat> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        for (ExportFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
