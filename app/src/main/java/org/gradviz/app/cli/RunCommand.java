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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.gradviz.app.script.export.RunJson;
import org.gradviz.app.script.export.RunTrace;
import org.gradviz.app.script.runtime.Interpreter;
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

    @Option(names = "--trace", paramLabel = "OUT.json",
        description = "Record what the engine does (forward ops, backward nodes in PyTorch's order, gradients sent "
            + "and accumulated) and write it as JSON after the run.")
    private Path trace;

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
        AtomicReference<RunTrace> recording = new AtomicReference<>();
        Consumer<Interpreter> beforeRun = trace == null ? interpreter -> { }
            : interpreter -> recording.set(RunTrace.start(interpreter));
        ScriptRunner.Outcome result;
        try {
            result = runner.runWithDeepStack(out, err, beforeRun);
        } finally {
            if (recording.get() != null) {
                recording.get().close();
            }
        }
        out.flush();
        if (result.exitCode() == ScriptRunner.REFUSED) {
            return result.exitCode();
        }
        boolean written = true;
        if (json != null) {
            written = write(json, file -> RunJson.write(result.globals(), file), err);
        }
        if (trace != null) {
            written &= write(trace, file -> recording.get().write(result.globals(), file), err);
        }
        return written ? result.exitCode() : ExitCode.USAGE;
    }

    private interface OutputWriter {
        void write(Path file) throws IOException;
    }

    private static boolean write(Path file, OutputWriter writer, PrintStream err) {
        try {
            writer.write(file);
            return true;
        } catch (IOException e) {
            err.println("gradviz run: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }
}
