package org.gradviz.app.script.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden program, run in-process, prints what python3 + torch 1.13 printed (addresses normalised). */
class GoldenProgramsRunTest {

    static List<Path> programs() {
        String configured = System.getProperty("gradviz.golden");
        Path golden = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/golden").normalize();
        return RecordedProgram.in(golden.resolve("programs"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void programPrintsWhatPyTorchPrinted(Path program) throws IOException {
        RecordedProgram.assertRunsAsRecorded(program);
    }
}
