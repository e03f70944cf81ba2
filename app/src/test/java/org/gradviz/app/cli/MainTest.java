package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

    @TempDir
    Path dir;

    private final List<Optional<Path>> opened = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(opened::add, dir.resolve("examples/one-layer-bce.json"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        int code = run("--help");

        assertEquals(0, code);
        assertTrue(out.toString().contains("Usage: gradviz"), out.toString());
        assertTrue(out.toString().contains("open"), out.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void versionPrintsTheVersion() {
        int code = run("--version");

        assertEquals(0, code);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).matches("gradviz \\S+"), out.toString());
        // surefire starts this JVM with the launcher's options (gradviz.jvm.options): the Vector API is on
        assertEquals(List.of("vector: on"), lines.subList(1, lines.size()), out.toString());
    }

    @Test
    void versionNamesTheOptionThatTurnsTheVectorApiOnWhenItIsOff() {
        assertTrue(ManifestVersion.vectorLine(false).startsWith(
                "vector: off (plain loops; java --add-modules=jdk.incubator.vector"));
    }

    @Test
    void versionFallsBackToDevOutsideTheJar() {
        assertEquals("dev", ManifestVersion.version());
    }

    @Test
    void openRefusesAMissingFileWithOneLineAndExitCode2() {
        int code = run("open", "missing.json");

        assertEquals(2, code);
        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("missing.json"), message);
        assertTrue(opened.isEmpty());
    }

    @Test
    void openShowsTheGivenFile() throws IOException {
        Path file = Files.writeString(dir.resolve("net.json"), "{}");

        int code = run("open", file.toString());

        assertEquals(0, code);
        assertEquals(List.of(Optional.of(file)), opened);
    }

    @Test
    void openWithoutFileShowsAnEmptyWindow() {
        int code = run("open");

        assertEquals(0, code);
        assertEquals(List.of(Optional.empty()), opened);
    }

    @Test
    void noArgumentsOpensTheOneLayerExampleWhenPresent() throws IOException {
        Path example = dir.resolve("examples/one-layer-bce.json");
        Files.createDirectories(example.getParent());
        Files.writeString(example, "{}");

        int code = run();

        assertEquals(0, code);
        assertEquals(List.of(Optional.of(example)), opened);
    }

    @Test
    void noArgumentsOpensAnEmptyWindowWhenTheExampleIsMissing() {
        int code = run();

        assertEquals(0, code);
        assertEquals(List.of(Optional.empty()), opened);
    }

    @Test
    void noDisplayIsReportedInOneLineWithExitCode3() {
        CommandLine cli = Main.commandLine(document -> {
            throw new WindowUnavailableException("no display to open a window on");
        }, dir.resolve("absent.json"));
        cli.setErr(new PrintWriter(err, true));

        int code = cli.execute();

        assertEquals(3, code);
        assertEquals("gradviz: no display to open a window on", err.toString().strip());
    }

    @Test
    void noArgumentsOpensTheExampleWithoutTheCommandLineToo() throws IOException {
        Path example = dir.resolve("examples/one-layer-bce.json");
        Files.createDirectories(example.getParent());
        Files.writeString(example, "{}");

        int code = Main.execute(new String[0], opened::add, example, new PrintWriter(err, true));

        assertEquals(0, code);
        assertEquals(List.of(Optional.of(example)), opened);
        assertEquals("", err.toString());
    }

    @Test
    void noArgumentsWithoutTheExampleOpensAnEmptyWindowWithoutTheCommandLineToo() {
        int code = Main.execute(new String[0], opened::add, dir.resolve("absent.json"), new PrintWriter(err, true));

        assertEquals(0, code);
        assertEquals(List.of(Optional.empty()), opened);
    }

    @Test
    void noDisplayWithoutArgumentsIsTheSameLineAndExitCode3() {
        int code = Main.execute(new String[0], document -> {
            throw new WindowUnavailableException("no display to open a window on");
        }, dir.resolve("absent.json"), new PrintWriter(err, true));

        assertEquals(3, code);
        assertEquals("gradviz: no display to open a window on", err.toString().strip());
    }

    @Test
    void argumentsStillGoThroughTheCommandLine() {
        int code = Main.execute(new String[] {"frobnicate"}, opened::add, dir.resolve("absent.json"),
            new PrintWriter(err, true));

        assertEquals(2, code);
        assertTrue(opened.isEmpty());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        int code = run("frobnicate");

        assertEquals(2, code);
        assertTrue(opened.isEmpty());
    }

    @Test
    void defaultExampleIsFoundBesideTheJarWhateverTheWorkingDirectory() throws IOException {
        Path example = dir.resolve("project/examples/one-layer-bce.json");
        Files.createDirectories(example.getParent());
        Files.writeString(example, "{}");
        Path jar = Files.createDirectories(dir.resolve("project/app/target")).resolve("gradviz.jar");
        Files.writeString(jar, "");

        Path found = Main.defaultDocument(Optional.of(jar), dir.resolve("elsewhere"));

        assertEquals(example, found);
    }

    @Test
    void defaultExampleIsFoundAboveTheClassesFolder() throws IOException {
        Path example = dir.resolve("project/examples/one-layer-bce.json");
        Files.createDirectories(example.getParent());
        Files.writeString(example, "{}");
        Path classes = Files.createDirectories(dir.resolve("project/app/target/classes"));

        assertEquals(example, Main.defaultDocument(Optional.of(classes), dir.resolve("elsewhere")));
    }

    @Test
    void defaultExampleFallsBackToTheWorkingDirectory() throws IOException {
        Path jar = Files.createDirectories(dir.resolve("installed/lib")).resolve("gradviz.jar");
        Files.writeString(jar, "");

        assertEquals(dir.resolve("cwd/examples/one-layer-bce.json"),
                Main.defaultDocument(Optional.of(jar), dir.resolve("cwd")));
        assertEquals(dir.resolve("cwd/examples/one-layer-bce.json"),
                Main.defaultDocument(Optional.empty(), dir.resolve("cwd")));
    }

    @Test
    void defaultDocumentOfThisBuildIsTheProjectsExample() {
        assertEquals(org.gradviz.app.document.Examples.file("one-layer-bce.json").toAbsolutePath().normalize(),
                Main.DEFAULT_DOCUMENT.toAbsolutePath().normalize());
    }
}
