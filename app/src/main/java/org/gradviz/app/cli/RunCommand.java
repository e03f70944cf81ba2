package org.gradviz.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.gradviz.app.document.IoReason;
import org.gradviz.app.script.export.RunJson;
import org.gradviz.app.script.export.RunTrace;
import org.gradviz.app.script.runtime.Interpreter;
import org.gradviz.app.script.runtime.PythonStdout;
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
        "1:the program raised an error (traceback on stderr), or it ran but --json or --trace could not be written",
        "2:syntax error, construct outside the subset, missing file, or an output that would overwrite the"
            + " program or has no folder: nothing ran",
        "120:standard output could not be written at the end (as Python: disk full, closed pipe)",
    })
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The program, or '-' for standard input.")
    private String file;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "The program's arguments, its sys.argv[1:] "
        + "(after '--' when one starts with '-').")
    private List<String> arguments = List.of();

    @Option(names = "--json", paramLabel = "OUT.json",
        description = "After the run, write the tensor variables and their autograd graphs as JSON.")
    private Path json;

    @Option(names = "--trace", paramLabel = "OUT.json",
        description = "Record what the engine does (forward ops, backward nodes in PyTorch's order, gradients sent "
            + "and accumulated) and write it as JSON after the run.")
    private Path trace;

    @Override
    public Integer call() throws Exception {
        byte[] source;
        String traceName;
        try {
            checkOutputs();
        } catch (BadInput e) {
            spec.commandLine().getErr().println("gradviz run: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (file.equals("-")) {
            source = System.in.readAllBytes();
            traceName = "<stdin>";
        } else {
            Path path = Path.of(file);
            source = Files.readAllBytes(path);
            traceName = path.toAbsolutePath().normalize().toString();
        }
        PythonStdout out = new PythonStdout(new FileOutputStream(FileDescriptor.out));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        List<String> argv = new ArrayList<>(List.of(file));
        argv.addAll(arguments);
        ScriptRunner runner = ScriptRunner.ofBytes(source, file.equals("-") ? "<stdin>" : file, traceName)
            .withArgv(argv);
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
        int code = result.exitCode();
        String stdoutFailure = out.flushAtExit();
        if (stdoutFailure != null) {
            err.print(stdoutFailure);
            code = PythonStdout.EXIT_STATUS_FLUSH_FAILED;
        }
        if (result.exitCode() == ScriptRunner.REFUSED) {
            return code;
        }
        boolean written = true;
        if (json != null) {
            written = write(json, file -> RunJson.write(result.globals(), file));
        }
        if (trace != null) {
            written &= write(trace, file -> recording.get().write(result.globals(), file));
        }
        return written || code != ExitCode.OK ? code : ExitCode.FAILED;
    }

    /** Before anything runs: the program exists, and no output would overwrite it or has no folder to go to. */
    private void checkOutputs() {
        Path input = file.equals("-") ? null : Path.of(file);
        if (input != null && !Files.isRegularFile(input)) {
            throw new BadInput("no such file: " + file);
        }
        checkOutput("--json", json, input);
        checkOutput("--trace", trace, input);
        if (json != null && trace != null) {
            OutputPaths.requireDistinct("--json", json, "--trace", trace);
        }
    }

    private static void checkOutput(String option, Path output, Path input) {
        if (output == null) {
            return;
        }
        OutputPaths.requireFolder(output);
        if (input != null) {
            OutputPaths.requireNotInput(option, output, input);
        }
    }

    private interface OutputWriter {
        void write(Path file) throws IOException;
    }

    /** Writes one output file; a failure is one line naming the file and the reason. */
    private boolean write(Path file, OutputWriter writer) {
        try {
            writer.write(file);
            return true;
        } catch (IOException e) {
            spec.commandLine().getErr().println("gradviz run: cannot write " + file + ": " + IoReason.of(e));
            return false;
        }
    }
}
