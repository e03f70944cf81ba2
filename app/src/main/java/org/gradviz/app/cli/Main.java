package org.gradviz.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code gradviz} command. Without a subcommand it opens the main window on the
 * one-layer example when that file is present, else on an empty document.
 *
 * <p>Subcommands are registered here and nowhere else: each is its own class in this
 * package, added to the {@code subcommands} list below.
 */
@Command(
    name = "gradviz",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    description = "See backpropagation: build a graph, run it forward, watch the gradients flow back.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:export failed: Graphviz could not lay out the graph, or the file could not be written",
        "2:bad input: unknown option or command, missing file",
        "3:no display to open the window on",
    },
    subcommands = {
        OpenCommand.class,
        RunCommand.class,
        ExportCommand.class,
    })
public final class Main implements Callable<Integer> {

    /** The example opened when {@code gradviz} runs without arguments, relative to the project folder. */
    static final Path EXAMPLE = Path.of("examples", "one-layer-bce.json");

    /**
     * Opened when {@code gradviz} runs without arguments: the example beside the jar's project (the jar is
     * in {@code app/target}, so {@code ../../examples/one-layer-bce.json}), else relative to the working
     * directory.
     */
    public static final Path DEFAULT_DOCUMENT = defaultDocument(codeLocation(), Path.of(""));

    @Spec
    private CommandSpec spec;

    private final WindowLauncher launcher;
    private final Path defaultDocument;

    public Main(WindowLauncher launcher, Path defaultDocument) {
        this.launcher = launcher;
        this.defaultDocument = defaultDocument;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new FxWindowLauncher(), DEFAULT_DOCUMENT).execute(args));
    }

    /**
     * The example for code loaded from {@code codeLocation} (a jar, or a classes folder): looked for in the
     * folders above it, up to the project folder ({@code app/target/gradviz.jar} and
     * {@code app/target/classes} both find {@code examples/} two or three levels up); when none has it,
     * {@code workingDirectory/examples/one-layer-bce.json}, whether or not it exists.
     */
    static Path defaultDocument(Optional<Path> codeLocation, Path workingDirectory) {
        if (codeLocation.isPresent()) {
            Path location = codeLocation.get().toAbsolutePath().normalize();
            Path folder = Files.isDirectory(location) ? location : location.getParent();
            for (int up = 0; folder != null && up <= 3; up++, folder = folder.getParent()) {
                Path candidate = folder.resolve(EXAMPLE);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return workingDirectory.resolve(EXAMPLE);
    }

    /** Where this class was loaded from: the jar, or the classes folder when run from the build. */
    private static Optional<Path> codeLocation() {
        try {
            var source = Main.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The configured command line; tests pass their own launcher so no window opens. */
    public static CommandLine commandLine(WindowLauncher launcher, Path defaultDocument) {
        return new CommandLine(new Main(launcher, defaultDocument));
    }

    @Override
    public Integer call() {
        Optional<Path> example = Files.isRegularFile(defaultDocument)
            ? Optional.of(defaultDocument)
            : Optional.empty();
        return openWindow(example);
    }

    /** Opens the main window and blocks until it is closed; returns the exit code. */
    int openWindow(Optional<Path> document) {
        try {
            launcher.open(document);
            return ExitCode.OK;
        } catch (WindowUnavailableException e) {
            spec.commandLine().getErr().println("gradviz: " + e.getMessage());
            return ExitCode.NO_WINDOW;
        }
    }
}
