package org.gradviz.app.script.runtime;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.gradviz.app.script.ScriptCancelledException;
import java.util.function.Consumer;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.SourceText;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.resolve.Resolver;
import org.gradviz.app.script.syntax.ScriptParser;
import org.gradviz.engine.Warnings;

/**
 * Runs one program as {@code python3 prog.py} would: refusals and syntax errors before anything runs (exit 2), the
 * program's output, warnings and an uncaught error's traceback on stderr (exit 1).
 */
public final class ScriptRunner {

    /** Exit status of a program that ran to its end. */
    public static final int OK = 0;
    /** Exit status of an uncaught error, as Python's. */
    public static final int FAILED = 1;
    /** Exit status of a syntax error or a construct outside the subset: nothing ran. */
    public static final int REFUSED = 2;

    /** How many identical frames in a row a traceback shows before counting the rest (CPython's cutoff). */
    private static final int SHOWN_REPEATS = 3;

    private static final String TENSOR_BODY = " (Triggered internally at  ./build/aten/src/ATen/core/TensorBody.h:480.)";

    /**
     * A thread stack deep enough for Python's recursion limit of 1000 frames of the tree-walking interpreter, for
     * every thread that runs programs.
     */
    public static final long STACK_BYTES = 512L * 1024 * 1024;

    /**
     * What a run left behind: its exit status, its module-level variables, and when it did not run to its end
     * one line naming the place, {@code prog.py:7: TypeError: message} (null after a clean run).
     */
    public record Outcome(int exitCode, Map<String, Object> globals, String problem) {
    }

    private final String source;
    private final List<String> lines;
    private final String displayName;
    private final String traceName;
    /** Why the file's bytes are not a program's text, or null. */
    private final ScriptSyntaxError unreadable;
    /** {@code sys.argv}: the program as the command line named it, then its arguments. */
    private final List<String> argv;

    /**
     * @param displayName how refusals name the file ({@code prog.py:3:5: ...}), as the user wrote it
     * @param traceName how tracebacks and warnings name it: the absolute path, or {@code <stdin>}
     */
    public ScriptRunner(String source, String displayName, String traceName) {
        this(source, displayName, traceName, null);
    }

    private ScriptRunner(String source, String displayName, String traceName, ScriptSyntaxError unreadable) {
        this(source, displayName, traceName, unreadable, List.of(displayName));
    }

    private ScriptRunner(String source, String displayName, String traceName, ScriptSyntaxError unreadable,
            List<String> argv) {
        this.source = source;
        this.lines = source.lines().toList();
        this.displayName = displayName;
        this.traceName = traceName;
        this.unreadable = unreadable;
        this.argv = List.copyOf(argv);
    }

    /**
     * This runner with {@code sys.argv} set to {@code argv}: the program as the command line named it
     * ({@code prog.py}, {@code -} for standard input), then its arguments, as {@code python3 prog.py a b} has them.
     * Without it, {@code sys.argv} is the display name alone.
     */
    public ScriptRunner withArgv(List<String> argv) {
        return new ScriptRunner(source, displayName, traceName, unreadable, argv);
    }

    /**
     * A runner for the bytes of a program file, read as Python reads source ({@link SourceText}): bytes that are not
     * UTF-8 are refused when run, with Python's SyntaxError, as a syntax error is.
     */
    public static ScriptRunner ofBytes(byte[] bytes, String displayName, String traceName) {
        try {
            return new ScriptRunner(SourceText.decode(bytes, traceName), displayName, traceName, null);
        } catch (ScriptSyntaxError e) {
            return new ScriptRunner("", displayName, traceName, e);
        }
    }

    public Outcome run(PrintStream out, PrintStream err) {
        return run(out, err, interpreter -> { });
    }

    /**
     * {@link #run(PrintStream, PrintStream)}, first handing {@code beforeRun} the interpreter, on the thread that will
     * run the program, once the program is parsed and accepted and just before its first statement (not at all when
     * it is refused).
     */
    /**
     * {@code source} parsed, its names resolved as Python scopes them, and checked against the subset: what every
     * front end (the runner, the cell importer) must do before running a program.
     */
    public static Program accept(String source) {
        Program program = ScriptParser.parse(source);
        Resolver.resolve(program);
        SubsetChecker.check(program);
        return program;
    }

    public Outcome run(PrintStream out, PrintStream err, Consumer<Interpreter> beforeRun) {
        Program program;
        try {
            if (unreadable != null) {
                throw unreadable;
            }
            program = accept(source);
        } catch (ScriptSyntaxError e) {
            err.println(e.format(displayName));
            err.flush();
            return new Outcome(REFUSED, Map.of(), e.format(displayName));
        }
        HeapReserve.restore();
        // NOTE: each run starts as a new Python process would, with torch's default print options
        org.gradviz.engine.format.PrintOptions.set(org.gradviz.engine.format.PrintOptions.DEFAULT);
        NnModuleHooks.reset();
        // and, as torch 1.13 seeds its default CPU generator from /dev/urandom at start, with a seed of its own
        // (torch.initial_seed() differs from run to run; only torch.manual_seed makes draws reproducible)
        org.gradviz.engine.random.TorchGenerator.defaultGenerator()
                .manualSeed(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        boolean[] ignoring = {false};
        Interpreter interpreter = new Interpreter(out, () -> ignoring[0] = true);
        interpreter.useSys(argv, out, err);
        // NOTE: Python's default filter shows a warning once per (text, line): two texts at one line both show
        Set<String> warnedAt = new HashSet<>();
        Consumer<String> previous = Warnings.setHandler(message -> {
            int line = interpreter.currentLine();
            if (ignoring[0] || !warnedAt.add(line + "\n" + message)) {
                return;
            }
            out.flush();
            String suffix = Warnings.NON_LEAF_GRAD.equals(message) ? TENSOR_BODY : "";
            err.print(traceName + ":" + line + ": UserWarning: " + message + suffix + "\n" + sourceLine(line, "  "));
            err.flush();
        });
        Consumer<String> previousLibrary = LibraryWarnings.install(text -> {
            if (!ignoring[0]) {
                out.flush();
                err.print(text);
                err.flush();
            }
        });
        try {
            beforeRun.accept(interpreter);
            interpreter.run(program);
            return new Outcome(OK, interpreter.globals(), null);
        } catch (PyError e) {
            out.flush();
            if (e.exception().cls().isSubclassOf(ExceptionTypes.SYSTEM_EXIT)) {
                // NOTE: an uncaught SystemExit ends the run without a traceback, as Python's
                int status = SysModule.exitStatus(e.exception(), err);
                err.flush();
                return new Outcome(status, interpreter.globals(), status == OK ? null : problemLine(e));
            }
            err.print(traceback(e));
            err.flush();
            return new Outcome(FAILED, interpreter.globals(), problemLine(e));
        } catch (Unsupported e) {
            out.flush();
            err.println(e.format(displayName));
            err.flush();
            return new Outcome(REFUSED, interpreter.globals(), e.format(displayName));
        } catch (OutOfMemoryError e) {
            // NOTE: the heap ran out outside any statement (a statement's own runs out as a MemoryError traceback)
            HeapReserve.release();
            out.flush();
            err.print("MemoryError\n");
            err.flush();
            return new Outcome(FAILED, Map.of(), displayName + ": MemoryError");
        } finally {
            Warnings.setHandler(previous);
            LibraryWarnings.install(previousLibrary);
            out.flush();
        }
    }

    /** {@link #run} on a thread of its own with a stack deep enough for the interpreter's recursion limit. */
    public Outcome runWithDeepStack(PrintStream out, PrintStream err) throws InterruptedException {
        return runWithDeepStack(out, err, interpreter -> { });
    }

    /** {@link #run(PrintStream, PrintStream, Consumer)} on a thread of its own, as {@link #runWithDeepStack}. */
    public Outcome runWithDeepStack(PrintStream out, PrintStream err, Consumer<Interpreter> beforeRun)
            throws InterruptedException {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                outcome.set(run(out, err, beforeRun));
            } catch (ScriptCancelledException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // NOTE: a gradviz bug outside any statement (printing the traceback, the warnings): still an exit
                // with Python's SystemError, never a Java stack trace and no outcome
                out.flush();
                err.print("SystemError: gradviz internal error: " + e + "\n");
                err.flush();
                outcome.set(new Outcome(FAILED, Map.of(), displayName + ": SystemError: gradviz internal error"));
            }
        }, "gradviz-run", STACK_BYTES);
        worker.start();
        worker.join();
        return outcome.get();
    }

    /** {@code prog.py:7: TypeError: message}, at the innermost line the traceback names. */
    private String problemLine(PyError e) {
        List<TraceFrame> frames = e.traceback();
        String place = frames.isEmpty() ? displayName : displayName + ":" + frames.get(frames.size() - 1).line();
        return place + ": " + e.pythonLine();
    }

    /** Python's traceback text for an uncaught error, ending with its {@code Type: message} line. */
    String traceback(PyError e) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        TraceFrame last = null;
        int repeats = 0;
        for (TraceFrame frame : e.traceback()) {
            if (!frame.equals(last)) {
                appendRepeats(sb, repeats);
                last = frame;
                repeats = 0;
            }
            if (++repeats <= SHOWN_REPEATS) {
                sb.append("  File \"").append(traceName).append("\", line ").append(frame.line()).append(", in ")
                        .append(frame.function()).append('\n').append(sourceLine(frame.line(), "    "));
            }
        }
        appendRepeats(sb, repeats);
        return sb.append(e.pythonLine()).append('\n').toString();
    }

    /** CPython's traceback shows a frame repeated in a row three times, then one line counting the rest. */
    private static void appendRepeats(StringBuilder sb, int repeats) {
        if (repeats > SHOWN_REPEATS) {
            sb.append("  [Previous line repeated ").append(repeats - SHOWN_REPEATS).append(" more times]\n");
        }
    }

    private String sourceLine(int line, String indent) {
        if (traceName.startsWith("<") || line < 1 || line > lines.size() || lines.get(line - 1).isBlank()) {
            return "";
        }
        return indent + lines.get(line - 1).strip() + "\n";
    }
}
