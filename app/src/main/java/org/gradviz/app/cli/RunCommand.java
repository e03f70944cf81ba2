package org.gradviz.app.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gradviz.app.script.export.RunJson;
import org.gradviz.app.script.runtime.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gradviz run FILE.py}: runs a program of the PyTorch subset on the gradviz engine, printing what Python would. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a .py program written in the gradviz subset of Python + PyTorch; '-' reads standard input.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the program ran to its end",
        "1:the program raised an error (traceback on stderr)",
        "2:syntax error, construct outside the subset, or missing file: nothing ran",
    })
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The program, or '-' for standard input.")
    private String file;

    @Option(names = "--json", paramLabel = "OUT.json",
        description = "After the run, write the tensor variables and their autograd graphs as JSON.")
    private Path json;

    @Override
    public Integer call() throws Exception {
        String source;
        String traceName;
        if (file.equals("-")) {
            source = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            traceName = "<stdin>";
        } else {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                spec.commandLine().getErr().println("gradviz run: no such file: " + file);
                return ExitCode.USAGE;
            }
            source = Files.readString(path);
            traceName = path.toAbsolutePath().normalize().toString();
        }
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ScriptRunner runner = new ScriptRunner(source, file.equals("-") ? "<stdin>" : file, traceName);
        ScriptRunner.Outcome result = runner.runWithDeepStack(out, err);
        out.flush();
        if (json != null && result.exitCode() != ScriptRunner.REFUSED) {
            try {
                RunJson.write(result.globals(), json);
            } catch (IOException e) {
                err.println("gradviz run: cannot write " + json + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
        }
        return result.exitCode();
    }
}
