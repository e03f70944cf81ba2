package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher {@code target/gradviz} (from {@code src/main/launcher/gradviz}) around the built
 * {@code target/gradviz.jar}, as a user starts it. Needs the package phase, so Maven runs it in integration-test (the
 * {@code launcher} execution of surefire in app/pom.xml). Expected outputs are python3's (the {@code l*} fixtures made
 * by make_python_fixtures.py) or written out here.
 */
class LauncherScriptTest {

    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");
    private static final Path LAUNCHER = TARGET.resolve("gradviz");
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    @TempDir
    Path dir;
    private Path cache;

    @BeforeAll
    static void needsTheBuiltLauncher() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "the bash launcher; Windows has gradviz.cmd");
        assertTrue(Files.isExecutable(LAUNCHER) && Files.isRegularFile(TARGET.resolve("gradviz.jar")),
            "no executable " + LAUNCHER + " beside gradviz.jar: this test needs the package phase (mvn verify)");
    }

    @BeforeEach
    void ownCache() throws IOException {
        cache = Files.createDirectories(dir.resolve("cache"));
    }

    @Test
    void aTracebackIsTheLastThingOnStderrAndTheIncubatorWarningIsGone() throws Exception {
        Path program = fixture("l01_launcher_stderr.py");
        // several times: the launcher must not exit before its stderr filter has passed the traceback on
        for (int i = 0; i < 3; i++) {
            Result run = launch(List.of("run", program.toString()), null);

            assertEquals(1, run.code, run.err);
            assertEquals(Files.readString(sibling(program, ".out")), run.out);
            assertFalse(run.err.contains(INCUBATOR_WARNING), run.err);
            List<String> lines = run.err.lines().toList();
            assertTrue(lines.get(0).startsWith(program + ":6: UserWarning: The .grad attribute of a Tensor that is"),
                run.err);
            assertEquals(Files.readString(sibling(program, ".err.last")).strip(), lines.get(lines.size() - 1));
            assertTrue(run.err.endsWith("\n"), run.err);
        }
    }

    @Test
    void anUnsupportedProgramIsExitCode2AndOneLine() throws Exception {
        Path program = Files.writeString(dir.resolve("np.py"), "import numpy\n\nprint(\"not reached\")\n");

        Result run = launch(List.of("run", program.toString()), null);

        assertEquals(2, run.code, run.err);
        assertEquals("", run.out);
        assertEquals(program + ":1:8: 'import numpy' is not supported by gradviz\n", run.err);
    }

    @Test
    void runDashReadsTheProgramFromStandardInput() throws Exception {
        Path program = fixture("l02_launcher_stdin.py");

        Result run = launch(List.of("run", "-"), program);

        assertEquals(0, run.code, run.err);
        assertEquals(Files.readString(sibling(program, ".out")), run.out);
        assertEquals("", run.err);
    }

    @Test
    void argumentsWithSpacesQuotesAndStarsPassUnchanged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("it's a \"folder\" with  $HOME and *"));
        Path program = Files.copy(fixture("l02_launcher_stdin.py"), folder.resolve("my program.py"));
        Path json = folder.resolve("out file.json");

        Result run = launch(List.of("run", program.toString(), "--json", json.toString()), null);

        assertEquals(0, run.code, run.err);
        assertEquals(Files.readString(sibling(fixture("l02_launcher_stdin.py"), ".out")), run.out);
        assertTrue(Files.readString(json).contains("\"w\""), "the variables written to the named file");
    }

    @Test
    void standardOutputIsTheProgramsOwnSoAFullDiskIsExit120() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Path program = fixture("l02_launcher_stdin.py");

        Result run = launch(List.of("run", program.toString()), null, new File("/dev/full"));

        // README, "gradviz run prog.py > /dev/full": the buffered output fails when flushed at exit; through a pipe
        // (a launcher that copied stdout) the write would succeed and the run would end with 0
        assertEquals(120, run.code, run.err);
        assertEquals("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n"
            + "OSError: [Errno 28] No space left on device\n", run.err);
    }

    @Test
    void theVectorApiIsOnInsideTheLauncherAndOffInPlainJava() throws Exception {
        Result launched = launch(List.of("--version"), null);
        assertEquals(0, launched.code, launched.err);
        assertEquals("vector: on", launched.out.lines().toList().get(1));
        assertEquals("", launched.err);

        Result plain = run(List.of(javaPath(), "-jar", TARGET.resolve("gradviz.jar").toString(), "--version"), null, null);
        assertTrue(plain.out.lines().toList().get(1).startsWith("vector: off"), plain.out);
    }

    @Test
    void aWindowStartReadsTheJitDirectivesAndItsStderrHasNoJvmNotice() throws Exception {
        // the directives file beside the launcher is one the JVM accepts (it says so on its output)
        Result check = run(List.of(javaPath(), "-XX:+UnlockDiagnosticVMOptions",
            "-XX:CompilerDirectivesFile=" + TARGET.resolve("gradviz-window-jit.json"), "-version"), null, null);
        assertEquals(0, check.code, check.err);
        assertEquals("1 compiler directives added", check.out.lines().findFirst().orElse(""), check.out);

        // a window start with no display: the JVM announced the directives and the incubator module on stderr
        // before main; the user sees only gradviz's own line
        Result window = launch(List.of("open"), null, null, Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""));
        assertEquals(3, window.code, window.err);
        assertEquals("", window.out);
        assertEquals(1, window.err.lines().count(), window.err);
        assertTrue(window.err.startsWith("gradviz: no display to open a window on"), window.err);
    }

    @Test
    void aJvmKilledBySignalIsExit137AsJavaWouldBe() throws Exception {
        Path program = Files.writeString(dir.resolve("forever.py"), "while True:\n    pass\n");
        Process launcher = start(List.of(LAUNCHER.toString(), "run", program.toString()), null, null);
        ProcessHandle java = null;
        for (int i = 0; i < 600 && java == null; i++) {
            java = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                .orElse(null);
            Thread.sleep(50);
        }
        assertTrue(java != null, "the launcher started java");
        java.destroyForcibly();

        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertEquals(128 + 9, launcher.exitValue());
    }

    @Test
    void theClassDataArchiveIsWrittenByAFirstCleanRunAndUsedSilentlyAfter() throws Exception {
        Path program = fixture("l02_launcher_stdin.py");
        String expected = Files.readString(sibling(program, ".out"));

        Result first = launch(List.of("run", program.toString()), null);
        assertEquals(0, first.code, first.err);
        assertEquals(expected, first.out);
        assertEquals("", first.err);
        List<Path> archives = archives();
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().endsWith("-cli.jsa"), archives.toString());

        Result second = launch(List.of("run", program.toString()), null);
        assertEquals(0, second.code, second.err);
        assertEquals(expected, second.out);
        assertEquals("", second.err);

        // an archive the JVM cannot use is ignored without a word (the JVM writes archives read-only: replace it)
        Files.delete(archives.get(0));
        Files.writeString(archives.get(0), "not an archive");
        Result damaged = launch(List.of("run", program.toString()), null);
        assertEquals(0, damaged.code, damaged.err);
        assertEquals(expected, damaged.out);
        assertEquals("", damaged.err);
    }

    @Test
    void aRunThatFailsLeavesNoArchiveBehind() throws Exception {
        Result run = launch(List.of("run", fixture("l01_launcher_stderr.py").toString()), null);

        assertEquals(1, run.code, run.err);
        assertEquals(List.of(), archives());
        try (Stream<Path> all = Files.walk(cache)) {
            assertEquals(0, all.filter(Files::isRegularFile).count(), "no half-written archive left");
        }
    }

    /**
     * gradviz.cmd cannot run here, so this reads it: the Windows launcher must give run/export the bash launcher's
     * collector options and the window its JIT directives (from the file beside it), with every build property
     * filled in.
     */
    @Test
    void theWindowsLauncherGivesRunAndTheWindowTheBashLaunchersOptions() throws Exception {
        String bash = Files.readString(LAUNCHER);
        String cmd = Files.readString(TARGET.resolve("gradviz.cmd"));
        java.util.regex.Matcher runOptions = java.util.regex.Pattern
            .compile("== export \\]\\].*\\n\\s*jvm_options\\+=\\(([^)]*)\\)").matcher(bash);
        assertTrue(runOptions.find(), "the bash launcher's run options");
        String expected = runOptions.group(1);
        assertTrue(expected.contains("-XX:+Use"), expected);

        assertFalse(cmd.contains("@gradviz."), "a build property left unfilled in gradviz.cmd");
        assertTrue(cmd.contains("if /i \"%~1\"==\"run\" set \"GRADVIZ_MODE_OPTIONS=" + expected + "\""), cmd);
        assertTrue(cmd.contains("if /i \"%~1\"==\"export\" set \"GRADVIZ_MODE_OPTIONS=" + expected + "\""), cmd);
        assertTrue(cmd.contains("-XX:CompilerDirectivesFile=%~dp0gradviz-window-jit.json"), cmd);
        assertTrue(Files.isRegularFile(TARGET.resolve("gradviz-window-jit.json")), "the directives beside the launchers");
    }

    private List<Path> archives() throws IOException {
        Path cds = cache.resolve("gradviz").resolve("cds");
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(p -> p.toString().endsWith(".jsa")).toList();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(List<String> args, Path stdin) throws Exception {
        return launch(args, stdin, null);
    }

    private Result launch(List<String> args, Path stdin, File stdout) throws Exception {
        return launch(args, stdin, stdout, Map.of());
    }

    private Result launch(List<String> args, Path stdin, File stdout, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        return run(command, stdin, stdout, env);
    }

    private Result run(List<String> command, Path stdin, File stdout) throws Exception {
        return run(command, stdin, stdout, Map.of());
    }

    private Result run(List<String> command, Path stdin, File stdout, Map<String, String> env) throws Exception {
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = start(command, stdin, stdout == null ? out.toFile() : stdout, err.toFile(), env);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished: " + command);
        return new Result(process.exitValue(), stdout == null ? Files.readString(out, StandardCharsets.UTF_8) : "",
            Files.readString(err, StandardCharsets.UTF_8));
    }

    private Process start(List<String> command, Path stdin, File stdout) throws IOException {
        return start(command, stdin, stdout, null, Map.of());
    }

    private Process start(List<String> command, Path stdin, File stdout, File stderr, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().remove("GRADVIZ_CDS");
        builder.environment().remove("GRADVIZ_JAVA_OPTIONS");
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.from(stdin.toFile()));
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout));
        builder.redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr));
        return builder.start();
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(LauncherScriptTest.class.getResource("/fixtures/python/programs/" + name).toURI());
    }

    private static Path sibling(Path program, String suffix) {
        return program.resolveSibling(program.getFileName().toString().replaceAll("\\.py$", suffix));
    }
}
