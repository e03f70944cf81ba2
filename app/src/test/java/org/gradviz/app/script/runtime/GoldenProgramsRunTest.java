package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden program, run in-process, prints what python3 + torch 1.13 printed (addresses normalised). */
class GoldenProgramsRunTest {

    static Stream<Path> programs() throws IOException {
        String configured = System.getProperty("gradviz.golden");
        Path golden = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/golden").normalize();
        return Files.list(golden.resolve("programs")).filter(p -> p.toString().endsWith(".py")).sorted();
    }

    private static String normalized(String text) {
        return text.replaceAll("0x[0-9a-f]+", "0xADDR");
    }

    private static String sibling(Path program, String suffix) throws IOException {
        String name = program.getFileName().toString().replaceAll("\\.py$", suffix);
        return Files.readString(program.resolveSibling(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void programPrintsWhatPyTorchPrinted(Path program) throws IOException {
        ScriptRun run = ScriptRun.of(Files.readString(program), program.toString());

        assertEquals(normalized(sibling(program, ".out.norm")), normalized(run.out()));
        int expectedCode = Integer.parseInt(sibling(program, ".code").strip());
        assertEquals(expectedCode, run.exitCode());
        if (expectedCode != 0) {
            assertEquals(sibling(program, ".err.last").strip(), run.lastErrLine());
        }
    }
}
