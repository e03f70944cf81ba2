package org.gradviz.app.render;

/**
 * One edge of the torchviz picture, in torchviz's forward direction ({@code from} feeds {@code to}). A gradient
 * flows the other way: for a {@link Kind#GRADIENT} edge, engine node {@code senderNodeNumber} (the {@code to} box)
 * sends it along its {@code next_functions[inputIndex]}, which is what the engine reports as
 * {@code GradientSent(fromId, inputIndex, …)}.
 *
 * @param from the DOT id of the tail
 * @param to the DOT id of the head
 * @param senderNodeNumber for gradient edges the number of the engine node at {@code to}, else -1
 * @param inputIndex for gradient edges the index in the sender's {@code next_functions}, else -1
 */
public record PictureEdge(String from, String to, Kind kind, int senderNodeNumber, int inputIndex)
        implements PictureStatement {

    /** What an edge joins. */
    public enum Kind {
        /** A backward node (or {@code AccumulateGrad}) to the node that sends it its gradient. */
        GRADIENT,
        /** A leaf to its {@code AccumulateGrad}. */
        LEAF,
        /** The root's {@code grad_fn} to the root. */
        OUTPUT,
        /** A backward node to a tensor it saved (drawn without an arrowhead). */
        SAVED
    }

    static PictureEdge gradient(String from, String to, int senderNodeNumber, int inputIndex) {
        return new PictureEdge(from, to, Kind.GRADIENT, senderNodeNumber, inputIndex);
    }

    static PictureEdge of(String from, String to, Kind kind) {
        return new PictureEdge(from, to, kind, -1, -1);
    }
}
