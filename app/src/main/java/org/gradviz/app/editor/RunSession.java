package org.gradviz.app.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.LeafNames;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceNumbering;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.app.bridge.PyTorchCodeWriter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;
import org.gradviz.engine.Torch;
import org.gradviz.engine.optim.SGD;

/**
 * The engine side of the editor: the live leaf tensors (parameters keep what Step did to them), the last
 * Forward's values with their autograd graph, and the commands Forward, Backward, Step, Zero grads and
 * Reset. Each command returns the console lines that say, in PyTorch's words, what happened. PyTorch's
 * semantics come from the engine: a second backward without retain_graph fails there, as in torch.
 */
public final class RunSession {
    private GraphDocument document;
    private Evaluation leaves;
    private Evaluation forward;
    /** Numbers of the tensors and nodes of the last Forward's graph, shared by the commands that use it. */
    private TraceNumbering numbering = new TraceNumbering();
    private CommandTrace lastTrace;

    public RunSession(GraphDocument document) {
        this(document, GraphEvaluator.makeLeaves(document), null);
    }

    private RunSession(GraphDocument document, Evaluation leaves, Evaluation forward) {
        this.document = document;
        this.leaves = leaves;
        this.forward = forward;
    }

    /**
     * A session of its own over copies of the live leaves (values, requires_grad and grads), for Train to
     * work on another thread while the window keeps showing this one.
     */
    RunSession copy() {
        java.util.Map<String, Tensor> copies = new java.util.LinkedHashMap<>();
        leaves.values().forEach((name, leaf) -> {
            Tensor copy = leaf.detachedCopy().requiresGrad_(leaf.requiresGrad());
            Tensor grad = leaf.gradOrNull();
            copy.setGrad(grad == null ? null : grad.detachedCopy());
            copies.put(name, copy);
        });
        return new RunSession(document, new Evaluation(copies, leaves.errors()), null);
    }

    /** Takes over what a copy did (the leaves Train moved and its last forward), as if it had run here. */
    void adopt(RunSession trained) {
        if (sameComputation(trained.document, document)) {
            leaves = trained.leaves;
            forward = trained.forward;
            numbering = trained.numbering;
        }
    }

    /**
     * One round of the usual training loop, {@code optimizer.zero_grad(); loss = forward(); loss.backward();
     * optimizer.step()}, and the loss it computed (summed when it is not a scalar, as backward's
     * {@code ones_like} gradient sums it). Throws when the graph cannot run or the engine refuses.
     */
    double trainingStep(SGD optimizer) {
        optimizer.zeroGrad();
        double loss = forwardAndBackward();
        optimizer.step();
        return loss;
    }

    /** {@link #trainingStep}, recorded as the trace of {@code command} (Train records its last step). */
    double recordedTrainingStep(SGD optimizer, String command) {
        numbering = new TraceNumbering();
        return traced(command, recorder -> {
            leafUpdates(recorder, TraceEvent.LeafField.GRAD, optimizer::zeroGrad);
            double loss = forwardAndBackward();
            leafUpdates(recorder, TraceEvent.LeafField.DATA, optimizer::step);
            return loss;
        });
    }

    /** The forward of the output and its backward; the loss (summed, as backward's ones_like sums it). */
    private double forwardAndBackward() {
        String output = outputName().orElseThrow(() -> new IllegalStateException(
                "no output chosen: mark a node as the output to backward from"));
        forward = GraphEvaluator.run(document, leaves, true);
        forward.errors().values().stream().findFirst().ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        Tensor out = forward.value(output).orElseThrow(() -> new IllegalStateException(
                output + " has no value: connect every input on the way to it"));
        out.backward(out.numel() == 1 ? null : Torch.onesLike(out), false);
        double loss = 0;
        for (double v : out.data()) {
            loss += v;
        }
        return loss;
    }

    /** {@code torch.optim.SGD(parameters, lr)} over the live leaves that require grad. */
    SGD optimizer(double learningRate) {
        return new SGD(parameters(), learningRate);
    }

    /** The last forward's output tensor, when there is one. */
    Optional<Tensor> output() {
        return outputName().flatMap(name -> lastForward().flatMap(f -> f.value(name)));
    }

    /**
     * Follows an edit: when the sources changed the leaves are made again (as Reset); any other change
     * only makes the last Forward stale. Moves keep everything.
     */
    public void documentChanged(GraphDocument next) {
        GraphDocument previous = document;
        document = next;
        if (!previous.tensors().equals(next.tensors()) || !java.util.Objects.equals(previous.seed(), next.seed())) {
            leaves = GraphEvaluator.makeLeaves(next);
            forward = null;
        } else if (!sameComputation(previous, next)) {
            forward = null;
        }
    }

    /** Whether two documents compute the same thing: they may differ only in positions, title and view. */
    static boolean sameComputation(GraphDocument a, GraphDocument b) {
        return a.tensors().equals(b.tensors()) && java.util.Objects.equals(a.seed(), b.seed())
                && a.nodes().equals(b.nodes()) && a.edges().equals(b.edges())
                && java.util.Objects.equals(a.output(), b.output());
    }

    /** Shapes, values and errors as the graph stands, without recording autograd history (for display). */
    public Evaluation preview() {
        return GraphEvaluator.run(document, leaves, false);
    }

    /**
     * A gradient check of the graph at the live leaves' values, copied now (call on the thread that runs the
     * session); {@link GradCheck#run()} then leaves the live tensors alone and may run on a worker thread.
     */
    public GradCheck gradCheck() {
        return GradCheck.of(document, leaves);
    }

    /** The last Forward's values, with grad_fns, if one ran since the graph last changed. */
    public Optional<Evaluation> lastForward() {
        return Optional.ofNullable(forward);
    }

    /** The live tensor of a source, or of an op after Forward. */
    public Optional<Tensor> tensor(String name) {
        if (forward != null && forward.values().containsKey(name)) {
            return forward.value(name);
        }
        return leaves.value(name);
    }

    public List<ConsoleLine> forward(boolean noGrad) {
        numbering = new TraceNumbering();
        return traced(noGrad ? "with torch.no_grad(): forward" : "forward", recorder -> forwardTraced(noGrad));
    }

    private List<ConsoleLine> forwardTraced(boolean noGrad) {
        List<ConsoleLine> lines = new ArrayList<>();
        String output = outputName().orElse(null);
        forward = GraphEvaluator.run(document, leaves, !noGrad);
        lines.addAll(statements(noGrad));
        forward.errors().forEach((name, message) -> lines.add(ConsoleLine.error(name + ": " + message)));
        if (output == null) {
            lines.add(ConsoleLine.note("no output chosen: mark a node as the output to backward from"));
        } else if (forward.value(output).isEmpty()) {
            lines.add(ConsoleLine.note(output + " has no value: connect every input on the way to it"));
        } else {
            lines.add(ConsoleLine.command(output));
            lines.add(ConsoleLine.output(forward.value(output).get().toString()));
        }
        return lines;
    }

    /** The forward pass as the PyTorch statements it runs, or a note when the graph is not complete. */
    private List<ConsoleLine> statements(boolean noGrad) {
        if (!forward.errors().isEmpty() || document.nodes().stream().anyMatch(n -> forward.value(n.name()).isEmpty())) {
            return List.of(ConsoleLine.note("forward: the graph is not complete, so only the boxes with all their "
                    + "inputs ran"));
        }
        List<ConsoleLine> lines = new ArrayList<>();
        if (noGrad) {
            lines.add(ConsoleLine.command("with torch.no_grad():"));
        }
        for (String statement : new PyTorchCodeWriter().forwardStatements(document)) {
            lines.add(noGrad ? new ConsoleLine(ConsoleLine.Kind.COMMAND, "...     " + statement)
                    : ConsoleLine.command(statement));
        }
        return lines;
    }

    public List<ConsoleLine> backward(boolean retainGraph) {
        List<ConsoleLine> lines = new ArrayList<>();
        String output = outputName().orElse(null);
        if (output == null) {
            lines.add(ConsoleLine.error("no output chosen: mark a node as the output to backward from"));
            return lines;
        }
        String command = output + ".backward(" + (retainGraph ? "retain_graph=True" : "") + ")";
        lines.add(ConsoleLine.command(command));
        Tensor out = forward == null ? null : forward.value(output).orElse(null);
        if (out == null) {
            lines.add(ConsoleLine.error("run Forward first: " + output + " has no value yet"));
            return lines;
        }
        try {
            traced(command, recorder -> {
                out.backward(out.numel() == 1 ? null : Torch.onesLike(out), retainGraph);
                return null;
            });
        } catch (TorchException e) {
            lines.add(ConsoleLine.error(e.pythonLine()));
            return lines;
        }
        for (TensorSource source : document.tensors()) {
            Tensor leaf = leaves.value(source.name()).orElse(null);
            if (leaf != null && leaf.requiresGrad()) {
                lines.add(ConsoleLine.command(source.name() + ".grad"));
                Tensor grad = leaf.gradOrNull();
                lines.add(ConsoleLine.output(grad == null ? "None" : grad.toString()));
            }
        }
        return lines;
    }

    public List<ConsoleLine> step(double learningRate) {
        List<ConsoleLine> lines = new ArrayList<>();
        List<String> names = parameterNames();
        lines.add(ConsoleLine.command("torch.optim.SGD([" + String.join(", ", names) + "], lr=" + learningRate
                + ").step()"));
        try {
            traced("optimizer.step()", recorder -> leafUpdates(recorder, TraceEvent.LeafField.DATA,
                    () -> new SGD(parameters(), learningRate).step()));
        } catch (TorchException e) {
            lines.add(ConsoleLine.error(e.pythonLine()));
            return lines;
        }
        if (parameters().stream().allMatch(p -> p.gradOrNull() == null)) {
            lines.add(ConsoleLine.note("no parameter has a gradient yet, so nothing moved: run Backward first"));
        }
        for (String name : names) {
            lines.add(ConsoleLine.command(name));
            lines.add(ConsoleLine.output(leaves.value(name).orElseThrow().toString()));
        }
        return lines;
    }

    /** {@code optimizer.zero_grad()} as in PyTorch 1.13: existing gradients become zeros in place. */
    public List<ConsoleLine> zeroGrad() {
        List<ConsoleLine> lines = new ArrayList<>();
        lines.add(ConsoleLine.command("torch.optim.SGD([" + String.join(", ", parameterNames())
                + "], lr=0.1).zero_grad()"));
        traced("optimizer.zero_grad()", recorder -> leafUpdates(recorder, TraceEvent.LeafField.GRAD,
                () -> new SGD(parameters(), 0.1).zeroGrad()));
        return lines;
    }

    /** Makes every source again from its initialiser and forgets the last Forward. */
    public List<ConsoleLine> reset() {
        leaves = GraphEvaluator.makeLeaves(document);
        forward = null;
        lastTrace = null;
        return List.of(ConsoleLine.note("reset: every tensor made again from its initialiser"
                + (document.seed() == null ? "" : " (torch.manual_seed(" + document.seed() + "))")));
    }

    /**
     * The autograd graph of the last Forward's output as torchviz draws it, its nodes and tensors numbered as the
     * recordings number them; empty with the reason when there is none.
     */
    AutogradGraph autogradGraph(GraphOptions options) {
        String name = outputName().orElse(null);
        if (name == null) {
            return AutogradGraph.none("Choose an output (a box's \"Backward from here\") to see its autograd graph");
        }
        Tensor out = forward == null ? null : forward.value(name).orElse(null);
        if (out == null) {
            return AutogradGraph.none("Run Forward (F5) to build " + name + "'s autograd graph");
        }
        if (out.gradFn() == null) {
            return AutogradGraph.none(name + " has no grad_fn: nothing on its way requires grad, or Forward ran "
                    + "under no_grad, so there is no graph to backward through");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (TensorSource source : document.tensors()) {
            leaves.value(source.name()).ifPresent(t -> named.put(source.name(), t));
        }
        return AutogradGraph.of(AutogradPicture.of(out, LeafNames.of(named), options, numbering::nodeId,
                numbering::tensorId), SessionBoards.elements(document, this, numbering));
    }

    /** What the last command did, as the engine reported it; empty once taken or when nothing was recorded. */
    public Optional<CommandTrace> takeTrace() {
        Optional<CommandTrace> trace = Optional.ofNullable(lastTrace);
        lastTrace = null;
        return trace;
    }

    /** Runs {@code body} with the engine's events recorded as the trace of {@code command}. */
    private <T> T traced(String command, Function<TraceRecorder, T> body) {
        TraceRecorder recorder = TraceRecorder.start(numbering, elementNames(), () -> 0);
        try {
            return body.apply(recorder);
        } finally {
            recorder.close();
            lastTrace = new CommandTrace(command, recorder.events(), SessionBoards.elements(document, this, numbering));
        }
    }

    /** Runs {@code update} and records how it changed {@code field} of every parameter. */
    private Void leafUpdates(TraceRecorder recorder, TraceEvent.LeafField field, Runnable update) {
        Map<String, TensorValue> before = new LinkedHashMap<>();
        for (String name : parameterNames()) {
            Tensor p = leaves.value(name).orElseThrow();
            before.put(name, TensorValue.of(field == TraceEvent.LeafField.DATA ? p : p.gradOrNull()));
        }
        update.run();
        before.forEach((name, old) -> {
            Tensor p = leaves.value(name).orElseThrow();
            TensorValue now = TensorValue.of(field == TraceEvent.LeafField.DATA ? p : p.gradOrNull());
            if (!java.util.Objects.equals(old, now)) {
                recorder.add(new TraceEvent.LeafUpdated(recorder.tensorId(p), name, field, old, now));
            }
        });
        return null;
    }

    /** The element whose tensor {@code t} is, or null; names are looked up in one map made per command. */
    private Function<Tensor, String> elementNames() {
        Map<Tensor, String>[] byTensor = new Map[1];
        return t -> {
            if (byTensor[0] == null) {
                byTensor[0] = new java.util.IdentityHashMap<>();
                document.tensors().forEach(s -> tensor(s.name()).ifPresent(v -> byTensor[0].putIfAbsent(v, s.name())));
                document.nodes().forEach(n -> tensor(n.name()).ifPresent(v -> byTensor[0].putIfAbsent(v, n.name())));
            }
            return byTensor[0].get(t);
        };
    }

    private Optional<String> outputName() {
        return Optional.ofNullable(document.output()).filter(name -> document.node(name).isPresent());
    }

    List<String> parameterNames() {
        return document.tensors().stream()
                .filter(t -> leaves.value(t.name()).map(Tensor::requiresGrad).orElse(false))
                .map(TensorSource::name)
                .toList();
    }

    private List<Tensor> parameters() {
        return parameterNames().stream().map(n -> leaves.value(n).orElseThrow()).toList();
    }
}
