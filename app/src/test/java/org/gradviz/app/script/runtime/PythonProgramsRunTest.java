package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.engine.VectorApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Python-language programs (scoping, loops, exceptions, lambdas, comprehensions, dicts, formatting, builtins,
 * classes) print what real python3 printed: fixtures made by {@code fixtures/python/make_python_fixtures.py}. They run
 * with the launcher's JVM options, so the numbers checked are those of the path users get (the Vector API's kernels).
 */
class PythonProgramsRunTest {

    static List<Path> programs() throws URISyntaxException {
        return RecordedProgram.in(Path.of(PythonProgramsRunTest.class.getResource("/fixtures/python/programs").toURI()));
    }

    @Test
    void programsRunOnTheLaunchersFastPath() {
        assertTrue(VectorApi.PRESENT, "surefire's argLine has gradviz.jvm.options");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void programPrintsWhatPythonPrinted(Path program) throws IOException {
        RecordedProgram.assertRunsAsRecorded(program);
    }
}
