package org.gradviz.app.animation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the {@link FlowFrame} of a recording at a position by going through its events in order: the
 * engine's events are the only source; nothing here computes a gradient.
 */
public final class FlowFrames {
    private final Recording recording;
    private final Map<Integer, String> variables = new HashMap<>();
    private final Map<GradEdge, Integer> targets = new LinkedHashMap<>();

    public FlowFrames(Recording recording) {
        this.recording = recording;
        for (TraceEvent e : recording.events()) {
            if (e instanceof TraceEvent.GradientSent s) {
                targets.put(new GradEdge(s.fromId(), s.inputIndex()), s.toId());
            } else if (e instanceof TraceEvent.NodeStarted n && n.variable() != null) {
                variables.put(n.nodeId(), n.variable());
            }
        }
    }

    public Recording recording() {
        return recording;
    }

    /** Which node each gradient edge that carried something leads to. */
    public Map<GradEdge, Integer> targets() {
        return java.util.Collections.unmodifiableMap(targets);
    }

    /** The frame once the first {@code position} events happened. */
    public FlowFrame at(int position) {
        List<TraceEvent> events = recording.events();
        Integer active = null;
        Integer activeTensor = null;
        Set<Integer> done = new LinkedHashSet<>();
        Map<GradEdge, EdgeFlow> edges = new LinkedHashMap<>();
        Map<Integer, String> notes = new LinkedHashMap<>();
        Map<Integer, String> values = new LinkedHashMap<>();
        String error = null;
        for (int i = 0; i < position; i++) {
            TraceEvent e = events.get(i);
            boolean last = i == position - 1;
            if (e instanceof TraceEvent.BackwardStarted) {
                done.clear(); // the nodes the forward built are done building; now they run backward
                active = null;
            } else if (e instanceof TraceEvent.NodeStarted n) {
                if (active != null) {
                    done.add(active);
                }
                active = n.nodeId();
            } else if (e instanceof TraceEvent.GradientSent s) {
                // only the step's own edge is current, and only the last event's step is this one: no edge put
                // before it is marked current, so none needs unmarking (a pass over them all made this quadratic)
                edges.put(new GradEdge(s.fromId(), s.inputIndex()), new EdgeFlow(ValueLabel.of(s.grad()),
                        s.grad() == null ? 0 : s.grad().maxAbs(), last));
            } else if (e instanceof TraceEvent.GradAccumulated a) {
                notes.put(a.nodeId(), "grad: " + ValueLabel.of(a.before()) + " → " + ValueLabel.of(a.after()));
            } else if (e instanceof TraceEvent.BackwardFinished f) {
                error = f.error();
                if (active != null && error == null) {
                    done.add(active);
                    active = null;
                }
            } else if (e instanceof TraceEvent.OpExecuted o) {
                activeTensor = o.outputTensorId();
                values.put(o.outputTensorId(), ValueLabel.of(o.output()));
                if (o.nodeId() >= 0) {
                    if (active != null) {
                        done.add(active);
                    }
                    active = o.nodeId();
                }
            }
        }
        return new FlowFrame(position, active, done, edges, notes, activeTensor, values,
                position == 0 ? "before " + recording.command() : caption(events.get(position - 1)), error);
    }

    /** One sentence: what the engine did at this step, in PyTorch's names. */
    String caption(TraceEvent e) {
        ElementMap elements = recording.elements();
        if (e instanceof TraceEvent.OpExecuted o) {
            String element = elements.elementOfTensor(o.outputTensorId()).map(n -> n + " = ").orElse("");
            return "forward: " + element + o.op() + "(…) = " + ValueLabel.of(o.output())
                    + (o.gradFn() == null ? "" : "   grad_fn=<" + o.gradFn() + ">");
        }
        if (e instanceof TraceEvent.BackwardStarted b) {
            return (b.rootName() == null ? "" : b.rootName()) + ".backward(): the gradient " + ValueLabel.of(b.seed())
                    + " enters the graph at its root";
        }
        if (e instanceof TraceEvent.NodeStarted n) {
            return nodeName(n.nodeId(), n.name()) + " runs with the incoming gradient "
                    + (n.gradsIn().isEmpty() ? "None" : ValueLabel.of(n.gradsIn().get(0)));
        }
        if (e instanceof TraceEvent.GradientSent s) {
            return nodeName(s.fromId(), s.fromName()) + " sends " + ValueLabel.of(s.grad()) + " to "
                    + nodeName(s.toId(), s.toName()) + " (next_functions[" + s.inputIndex() + "])";
        }
        if (e instanceof TraceEvent.RetainedGradUpdated r) {
            return elements.elementOfTensor(r.tensorId()).orElse("a retained tensor") + ".grad = "
                    + ValueLabel.of(r.after()) + (r.before() == null ? "" : " (added to " + ValueLabel.of(r.before()) + ")");
        }
        if (e instanceof TraceEvent.GradAccumulated a) {
            return "AccumulateGrad writes " + (a.variable() == null ? "the leaf's" : a.variable()) + ".grad: "
                    + ValueLabel.of(a.before()) + " → " + ValueLabel.of(a.after());
        }
        if (e instanceof TraceEvent.BackwardFinished f) {
            return f.error() == null ? "backward finished" : f.error();
        }
        if (e instanceof TraceEvent.LeafUpdated u) {
            return u.field() == TraceEvent.LeafField.DATA
                    ? "optimizer.step(): " + u.variable() + " = " + ValueLabel.of(u.after())
                    : "optimizer.zero_grad(): " + u.variable() + ".grad = " + ValueLabel.of(u.after());
        }
        return "";
    }

    private String nodeName(int id, String name) {
        String variable = variables.get(id);
        return variable == null ? name : name + " (" + variable + ")";
    }
}
