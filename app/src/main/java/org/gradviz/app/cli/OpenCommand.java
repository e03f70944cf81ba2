package org.gradviz.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gradviz open [FILE]}: opens the main window, on FILE when given. */
@Command(
    name = "open",
    mixinStandardHelpOptions = true,
    description = "Open the main window, on a .json document or a .py cell when FILE is given.")
final class OpenCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A .json document or a .py cell.")
    private Path file;

    @Override
    public Integer call() {
        if (file == null) {
            return main.openWindow(Optional.empty());
        }
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println(
                "gradviz open: no such file: " + file + " (check the path, or run 'gradviz open' for an empty window)");
            return ExitCode.USAGE;
        }
        return main.openWindow(Optional.of(file));
    }
}
