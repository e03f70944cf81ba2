package org.gradviz.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before anything runs, that an output file can be written and would not destroy the input. */
final class OutputPaths {

    private OutputPaths() {
    }

    /** Refuses an output whose folder does not exist. */
    static void requireFolder(Path output) {
        Path folder = output.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInput("no such folder for " + output);
        }
    }

    /**
     * Refuses an output that is the input file itself, however it is spelled ({@code ./x.py}, a symlink to it, a
     * hard link): writing it would overwrite the program.
     */
    static void requireNotInput(String option, Path output, Path input) {
        if (Files.exists(output) && sameFile(output, input)) {
            throw new BadInput(option + " " + output + " is the input file " + input
                    + "; name another file for the output");
        }
    }

    /** Refuses two outputs that are one file: the second would overwrite the first. */
    static void requireDistinct(String option, Path output, String otherOption, Path other) {
        boolean same = output.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())
                || Files.exists(output) && sameFile(output, other);
        if (same) {
            throw new BadInput(option + " and " + otherOption + " name the same file " + output
                    + "; give each its own file");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
