package org.gradviz.app.editor;

import java.util.Optional;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Reachability;

/**
 * Decides whether the output of one element may feed an input port of an op: the port must exist and be
 * free, the edge must not close a cycle, and, when the op then has all its inputs, the engine must accept
 * their shapes. The reasons name the place and the fix.
 */
public final class ConnectionRules {
    private ConnectionRules() {
    }

    public static ConnectionVerdict check(GraphDocument doc, Connection edge) {
        Optional<OpNode> target = doc.node(edge.to());
        if (target.isEmpty()) {
            return ConnectionVerdict.forbidden(edge.to() + " is a tensor source: sources have no inputs");
        }
        OpNode node = target.get();
        if (!node.op().ports().contains(edge.port())) {
            return ConnectionVerdict.forbidden(node.op().id() + " has no input \"" + edge.port() + "\" (its inputs: "
                    + String.join(", ", node.op().ports()) + ")");
        }
        if (edge.from().equals(edge.to())) {
            return ConnectionVerdict.forbidden(edge.to() + " cannot feed itself: that would make a cycle");
        }
        Optional<Connection> taken = doc.edgesInto(edge.to()).stream()
                .filter(e -> e.port().equals(edge.port())).findFirst();
        if (taken.isPresent()) {
            return ConnectionVerdict.forbidden("input \"" + edge.port() + "\" of " + edge.to()
                    + " is already connected to " + taken.get().from() + ": delete that edge first");
        }
        if ("other".equals(edge.port()) && node.scalar() != null) {
            return ConnectionVerdict.forbidden(edge.to() + " uses the number " + node.scalar()
                    + " as \"other\": clear it in the inspector first");
        }
        if ("exponent".equals(edge.port()) && node.exponent() != null) {
            return ConnectionVerdict.forbidden(edge.to() + " uses the number " + node.exponent()
                    + " as exponent: clear it in the inspector first");
        }
        if (Reachability.reaches(doc, edge.to(), edge.from())) {
            return ConnectionVerdict.forbidden("edge " + edge.from() + " -> " + edge.to() + " would make a cycle");
        }
        return shapesAccepted(doc, edge);
    }

    /** Runs the graph with the edge (no autograd recording) and refuses when the target's op fails. */
    private static ConnectionVerdict shapesAccepted(GraphDocument doc, Connection edge) {
        GraphDocument with = GraphEdits.connect(doc, edge);
        Evaluation result = GraphEvaluator.run(with, GraphEvaluator.makeLeaves(with), false);
        return result.error(edge.to())
                .map(ConnectionVerdict::forbidden)
                .orElse(ConnectionVerdict.ALLOWED);
    }
}
