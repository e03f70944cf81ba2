package org.gradviz.app.cli;

import java.io.PrintWriter;
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
        System.exit(execute(args, new FxWindowLauncher(), DEFAULT_DOCUMENT, new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command {@code args} name. Without arguments there is nothing to parse, so the window opens
     * without the command line being built: picocli's model of the commands (its classes are too old a class
     * file version for the launcher's class-data archive) costs the window 0.1-0.2 s of every start.
     */
    static int execute(String[] args, WindowLauncher launcher, Path defaultDocument, PrintWriter err) {
        if (args.length == 0) {
            try {
                return new Main(launcher, defaultDocument).openDefault(err);
            } catch (RuntimeException e) {
                // as picocli reports a command that failed: the stack trace, exit code 1
                e.printStackTrace(err);
                return ExitCode.FAILED;
            }
        }
        return commandLine(launcher, defaultDocument).execute(args);
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
        return openDefault(spec.commandLine().getErr());
    }

    /** {@code gradviz} without arguments: the example when it is there, else an empty window. */
    private int openDefault(PrintWriter err) {
        Optional<Path> example = Files.isRegularFile(defaultDocument)
            ? Optional.of(defaultDocument)
            : Optional.empty();
        return openWindow(example, err);
    }

    /** Opens the main window and blocks until it is closed; returns the exit code. */
    int openWindow(Optional<Path> document) {
        return openWindow(document, spec.commandLine().getErr());
    }

    private int openWindow(Optional<Path> document, PrintWriter err) {
        try {
            launcher.open(document);
            return ExitCode.OK;
        } catch (WindowUnavailableException e) {
            err.println("gradviz: " + e.getMessage());
            return ExitCode.NO_WINDOW;
        }
    }
}
