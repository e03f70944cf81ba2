package org.gradviz.app.animation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.gradviz.app.render.AttributeTable;
import org.gradviz.engine.AccumulateGrad;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.AutogradListener;
import org.gradviz.engine.Edge;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * Listens to the engine while open and keeps what it reports as {@link TraceEvent}s, in the engine's own
 * order, copying every value at the moment it is reported. Only events of the thread that opened it are kept
 * (the engine's listeners are global; Train runs on a thread of its own). Nodes and tensors are numbered in
 * order of first appearance; {@code names} gives a tensor's variable name (null when none).
 */
public final class TraceRecorder implements AutogradListener, AutoCloseable {
    private final Thread owner = Thread.currentThread();
    private final Function<Tensor, String> names;
    private final IntSupplier line;
    private final List<TraceEvent> events = new ArrayList<>();
    private final TraceNumbering numbering;
    private boolean open = true;

    private TraceRecorder(TraceNumbering numbering, Function<Tensor, String> names, IntSupplier line) {
        this.numbering = numbering;
        this.names = names;
        this.line = line;
    }

    /** Starts recording; {@link #close()} stops. {@code line} tells the current source line (0 when none). */
    public static TraceRecorder start(Function<Tensor, String> names, IntSupplier line) {
        return start(new TraceNumbering(), names, line);
    }

    /** Starts recording with the numbers of {@code numbering}, shared with other recordings. */
    public static TraceRecorder start(TraceNumbering numbering, Function<Tensor, String> names, IntSupplier line) {
        TraceRecorder recorder = new TraceRecorder(numbering, names, line);
        Autograd.addListener(recorder);
        return recorder;
    }

    /** The numbers this recording gives nodes and tensors. */
    public TraceNumbering numbering() {
        return numbering;
    }

    /** The events so far, in order. */
    public List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The events so far, in order, with every variable name given again by {@code names} now: for names that exist
     * only later than the events, e.g. the variables a program holds once it has ended.
     */
    public List<TraceEvent> events(Function<Tensor, String> names) {
        List<TraceEvent> out = new ArrayList<>(events.size());
        for (TraceEvent event : events) {
            out.add(renamed(event, names, numbering));
        }
        return List.copyOf(out);
    }

    private static TraceEvent renamed(TraceEvent event, Function<Tensor, String> names, TraceNumbering ids) {
        if (event instanceof TraceEvent.BackwardStarted e) {
            return new TraceEvent.BackwardStarted(e.rootTensorId(), nameOf(ids.tensor(e.rootTensorId()), names),
                    e.seed(), e.line());
        } else if (event instanceof TraceEvent.NodeStarted e) {
            return new TraceEvent.NodeStarted(e.nodeId(), e.name(), variableOf(ids.node(e.nodeId()), names),
                    e.gradsIn(), e.saved());
        } else if (event instanceof TraceEvent.GradAccumulated e) {
            return new TraceEvent.GradAccumulated(e.nodeId(), e.leafTensorId(),
                    nameOf(ids.tensor(e.leafTensorId()), names), e.before(), e.after());
        } else if (event instanceof TraceEvent.LeafUpdated e) {
            return new TraceEvent.LeafUpdated(e.tensorId(), nameOf(ids.tensor(e.tensorId()), names), e.field(),
                    e.before(), e.after());
        }
        return event;
    }

    /** The number this recording gave {@code node}, giving it the next one when it has none yet. */
    public int nodeId(Node node) {
        return numbering.nodeId(node);
    }

    /** The number this recording gave {@code tensor}, giving it the next one when it has none yet. */
    public int tensorId(Tensor tensor) {
        return numbering.tensorId(tensor);
    }

    /** Adds an event that happened outside the engine's listeners (Step, Zero grads). */
    public void add(TraceEvent event) {
        events.add(event);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            Autograd.removeListener(this);
        }
    }

    private boolean mine() {
        return open && Thread.currentThread() == owner;
    }

    @Override
    public void opExecuted(String op, List<Tensor> inputs, Tensor output, Node node) {
        if (!mine()) {
            return;
        }
        List<Integer> in = new ArrayList<>(inputs.size());
        for (Tensor t : inputs) {
            in.add(t == null ? -1 : tensorId(t));
        }
        events.add(new TraceEvent.OpExecuted(op, node == null ? -1 : nodeId(node), node == null ? null : node.name(),
                in, tensorId(output), TensorValue.of(output), line.getAsInt()));
    }

    @Override
    public void backwardStarted(Tensor root, Tensor seedGradient) {
        if (mine()) {
            events.add(new TraceEvent.BackwardStarted(tensorId(root), names.apply(root), TensorValue.of(seedGradient),
                    line.getAsInt()));
        }
    }

    @Override
    public void nodeStarted(Node node, List<Tensor> gradOutputs) {
        if (!mine()) {
            return;
        }
        List<TensorValue> grads = new ArrayList<>(gradOutputs.size());
        gradOutputs.forEach(g -> grads.add(TensorValue.of(g)));
        events.add(new TraceEvent.NodeStarted(nodeId(node), node.name(), variableOf(node), grads, saved(node)));
    }

    @Override
    public void gradientSent(Node from, int inputIndex, Edge to, Tensor gradient) {
        if (mine()) {
            events.add(new TraceEvent.GradientSent(nodeId(from), from.name(), inputIndex, nodeId(to.function()),
                    to.function().name(), TensorValue.of(gradient)));
        }
    }

    @Override
    public void retainedGradUpdated(Tensor tensor, Tensor before, Tensor after) {
        if (mine()) {
            events.add(new TraceEvent.RetainedGradUpdated(tensorId(tensor), TensorValue.of(before),
                    TensorValue.of(after)));
        }
    }

    @Override
    public void gradientAccumulated(Tensor leaf, Tensor before, Tensor after) {
        if (mine()) {
            events.add(new TraceEvent.GradAccumulated(nodeId(leaf.gradAccumulator()), tensorId(leaf),
                    names.apply(leaf), TensorValue.of(before), TensorValue.of(after)));
        }
    }

    @Override
    public void backwardFinished(Tensor root, RuntimeException error) {
        if (mine()) {
            events.add(new TraceEvent.BackwardFinished(error == null ? null : lastLine(error)));
        }
    }

    private String variableOf(Node node) {
        return variableOf(node, names);
    }

    private static String nameOf(Tensor tensor, Function<Tensor, String> names) {
        return tensor == null ? null : names.apply(tensor);
    }

    private static String variableOf(Node node, Function<Tensor, String> names) {
        return node instanceof AccumulateGrad acc ? names.apply(acc.variable()) : null;
    }

    private static Map<String, SavedValue> saved(Node node) {
        Map<String, SavedValue> out = new LinkedHashMap<>();
        node.savedValues().forEach((name, value) -> out.put(name, savedValue(value)));
        return out;
    }

    private static SavedValue savedValue(Object value) {
        if (value instanceof SavedTensor saved) {
            return saved.isReleased() ? new SavedValue.Freed() : new SavedValue.SavedTensorValue(
                    TensorValue.of(saved.peek()));
        }
        return new SavedValue.Attribute(AttributeTable.pythonStr(value),
                value instanceof Number n ? n.doubleValue() : null);
    }

    private static String lastLine(RuntimeException error) {
        return error instanceof TorchException torch ? torch.pythonLine()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
