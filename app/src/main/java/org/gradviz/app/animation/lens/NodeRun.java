package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent.GradAccumulated;
import org.gradviz.app.animation.TraceEvent.GradientSent;
import org.gradviz.app.animation.TraceEvent.NodeStarted;

/**
 * One backward node as it ran, the events a lens explains.
 *
 * @param started the node's start: its summed incoming gradient and saved values
 * @param seed the backward's seed gradient when this node is the root it started from, else null
 * @param incoming the gradients other nodes of the same backward sent to this node, in order (their sum, with
 *     the seed, is {@code started.gradsIn()})
 * @param sent the gradients this node sent along its next edges, in order
 * @param accumulated for an AccumulateGrad, the {@code .grad} it wrote; else null
 */
public record NodeRun(NodeStarted started, TensorValue seed, List<GradientSent> incoming, List<GradientSent> sent,
        GradAccumulated accumulated) {

    public NodeRun {
        incoming = List.copyOf(incoming);
        sent = List.copyOf(sent);
    }
}
