package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceEvent.BackwardStarted;
import org.gradviz.app.animation.TraceEvent.GradAccumulated;
import org.gradviz.app.animation.TraceEvent.GradientSent;
import org.gradviz.app.animation.TraceEvent.NodeStarted;

/** Groups a recording's backward events by node run, in the engine's order. */
public final class NodeRuns {
    private NodeRuns() {
    }

    /** One {@link NodeRun} per {@code NodeStarted} in {@code events}, in order; other events only fill them. */
    public static List<NodeRun> of(List<TraceEvent> events) {
        List<NodeRun> runs = new ArrayList<>();
        Map<Integer, List<GradientSent>> arriving = new HashMap<>();
        TensorValue seed = null;
        Builder current = null;
        for (TraceEvent event : events) {
            if (event instanceof BackwardStarted started) {
                current = finish(current, runs);
                arriving.clear();
                seed = started.seed();
            } else if (event instanceof NodeStarted started) {
                finish(current, runs);
                List<GradientSent> incoming = arriving.remove(started.nodeId());
                current = new Builder(started, seed, incoming == null ? List.of() : incoming);
                seed = null;
            } else if (event instanceof GradientSent sent && current != null && sent.fromId() == current.started.nodeId()) {
                current.sent.add(sent);
                arriving.computeIfAbsent(sent.toId(), id -> new ArrayList<>()).add(sent);
            } else if (event instanceof GradAccumulated acc && current != null && acc.nodeId() == current.started.nodeId()) {
                current.accumulated = acc;
            } else if (event instanceof TraceEvent.BackwardFinished) {
                current = finish(current, runs);
            }
        }
        finish(current, runs);
        return runs;
    }

    private static Builder finish(Builder current, List<NodeRun> runs) {
        if (current != null) {
            runs.add(new NodeRun(current.started, current.seed, current.incoming, current.sent, current.accumulated));
        }
        return null;
    }

    private static final class Builder {
        private final NodeStarted started;
        private final TensorValue seed;
        private final List<GradientSent> incoming;
        private final List<GradientSent> sent = new ArrayList<>();
        private GradAccumulated accumulated;

        Builder(NodeStarted started, TensorValue seed, List<GradientSent> incoming) {
            this.started = started;
            this.seed = seed;
            this.incoming = incoming;
        }
    }
}
