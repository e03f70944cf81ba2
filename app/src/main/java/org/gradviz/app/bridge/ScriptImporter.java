package org.gradviz.app.bridge;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.ast.Program;
import org.gradviz.app.script.runtime.Interpreter;
import org.gradviz.app.script.runtime.ScriptRunner;
import org.gradviz.app.script.runtime.Unsupported;
import org.gradviz.app.script.runtime.PyError;
import org.gradviz.app.script.runtime.TraceFrame;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Warnings;

/**
 * A PyTorch cell to the graph document of the network it builds. The cell runs on the gradviz runner (so every
 * value is the runner's, which is PyTorch's); the runner reports each tensor it makes and the importer keeps
 * the calls that made the output.
 *
 * <ul>
 *   <li>The output is the variable {@code loss} when the cell assigns a tensor to it, else the tensor with a
 *       grad_fn assigned last.</li>
 *   <li>The document is the output's graph as its last computation built it: with a loop, the last iteration's
 *       ops. Leaves keep the initialiser of their factory call, so in-place changes (optimizer steps,
 *       {@code w -= ...}) are not in the document: it holds the network before training.</li>
 *   <li>{@code randn} leaves draw from the document's seed when the cell called {@code torch.manual_seed(s)} and
 *       then drew exactly those tensors in order; otherwise they hold the drawn numbers as explicit values, so the
 *       document still computes what the cell computed.</li>
 *   <li>Statements that build no graph ({@code print}, {@code backward}, optimizer steps) run and add nothing.</li>
 *   <li>A syntax error, a construct outside the runner's subset, an uncaught Python error, or a tensor in the
 *       output's graph that a document cannot hold (indexing, {@code .data}, ops without a node) is a
 *       {@link ScriptImportException} listing every place; nothing is imported.</li>
 *   <li>Interrupting the importing thread stops the cell at its next statement: a
 *       {@link org.gradviz.app.script.ScriptCancelledException}, and nothing is imported.</li>
 * </ul>
 */
public final class ScriptImporter {

    /** The document of the network {@code source} builds; {@code fileName} names the cell in messages. */
    public GraphDocument importCell(String source, String fileName) throws ScriptImportException {
        Program program;
        try {
            program = ScriptRunner.accept(source);
        } catch (ScriptSyntaxError e) {
            throw refused(fileName, new ImportProblem(e.line(), e.column(), e.kind().prefix() + e.detail()));
        }
        CallTrace trace = new CallTrace();
        Interpreter interpreter = new Interpreter(new PrintStream(OutputStream.nullOutputStream()), () -> { },
                trace);
        Consumer<String> previous = Warnings.setHandler(message -> { });
        try {
            interpreter.run(program);
        } catch (PyError e) {
            List<TraceFrame> frames = e.traceback();
            int line = frames.isEmpty() ? 0 : frames.get(frames.size() - 1).line();
            throw refused(fileName, new ImportProblem(line, 0, e.pythonLine()));
        } catch (Unsupported e) {
            throw refused(fileName, new ImportProblem(e.line(), e.column(), e.getMessage()));
        } finally {
            Warnings.setHandler(previous);
        }
        Tensor output = output(interpreter, trace);
        if (output == null || trace.origin(output) == null) {
            throw refused(fileName, new ImportProblem(0, 0, "the cell builds no graph: assign the result of a "
                    + "torch op to a variable, e.g. loss = F.mse_loss(out, y)"));
        }
        if (trace.origin(output) instanceof TracedTensor.Leaf leaf) {
            throw refused(fileName, new ImportProblem(leaf.line(), 0, "the output is the tensor torch."
                    + leaf.function() + "() made, which has no graph; compute the output from it with torch ops"));
        }
        GraphAssembler assembler = new GraphAssembler(trace);
        GraphDocument document = assembler.assemble(output, title(source, fileName));
        if (document == null) {
            throw new ScriptImportException(fileName, assembler.problems());
        }
        return document;
    }

    private static Tensor output(Interpreter interpreter, CallTrace trace) {
        if (interpreter.globals().get("loss") instanceof Tensor loss) {
            return loss;
        }
        return trace.lastAssignedWithGradFn();
    }

    /** The cell's first comment line, else its file name. */
    private static String title(String source, String fileName) {
        return source.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "")).orElse(fileName);
    }

    private static ScriptImportException refused(String fileName, ImportProblem problem) {
        return new ScriptImportException(fileName, List.of(problem));
    }
}
