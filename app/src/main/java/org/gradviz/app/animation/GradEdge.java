package org.gradviz.app.animation;

/** An edge of the autograd graph as the gradient travels it: next edge {@code inputIndex} of node {@code fromNode}. */
public record GradEdge(int fromNode, int inputIndex) {
}
