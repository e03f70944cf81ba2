package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A program {@code P.py} with what real python3 printed beside it ({@code P.out} or {@code P.out.norm},
 * {@code P.code}, {@code P.err.last}, and {@code P.traceback} for a whole traceback), replayed in-process with
 * {@code sys.argv} as {@code python3 P.py} had it (the words of {@code P.args} its arguments, when there is one): stdout equal once
 * addresses are normalised, the same exit code, the same last line of stderr when it failed, and the same stderr
 * (program path written PROG) when {@code P.traceback} is there.
 */
final class RecordedProgram {

    private RecordedProgram() {
    }

    /** The {@code .py} files of a directory, in name order. */
    static List<Path> in(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertRunsAsRecorded(Path program) throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of(program.getFileName().toString()));
        if (Files.exists(sibling(program, ".args"))) {
            argv.addAll(List.of(read(program, ".args").strip().split("\\s+")));
        }
        ScriptRun run = ScriptRun.of(Files.readString(program), program.toString(), argv);
        String expectedOut = Files.exists(sibling(program, ".out.norm")) ? read(program, ".out.norm")
                : read(program, ".out");
        assertEquals(normalized(expectedOut), normalized(run.out()), () -> "stderr: " + run.err());
        int expectedCode = Integer.parseInt(read(program, ".code").strip());
        assertEquals(expectedCode, run.exitCode(), () -> "stderr: " + run.err());
        if (expectedCode != 0) {
            // NOTE: only the line end is trimmed: torch's overload lists end in an indented line ( * (...))
            assertEquals(read(program, ".err.last").stripTrailing(), run.lastErrLine());
        }
        if (Files.exists(sibling(program, ".traceback"))) {
            assertEquals(read(program, ".traceback"), run.err().replace(program.toString(), "PROG"));
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("0x[0-9a-f]+", "0xADDR");
    }

    private static Path sibling(Path program, String suffix) {
        return program.resolveSibling(program.getFileName().toString().replaceAll("\\.py$", suffix));
    }

    private static String read(Path program, String suffix) throws IOException {
        return Files.readString(sibling(program, suffix));
    }
}
