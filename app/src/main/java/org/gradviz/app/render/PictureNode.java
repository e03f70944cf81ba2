package org.gradviz.app.render;

import java.util.List;

/**
 * One box of the torchviz picture.
 *
 * @param id the DOT id, {@code n0}, {@code n1}, … in order of first appearance
 * @param lines the label, one string a line, as torchviz writes it: {@code ["w", " (5, 3)"]}, {@code ["AddBackward0"]}
 *     (with its attribute table under it when attributes are shown); with values shown a tensor's one line is the
 *     record's title, {@code "w (5, 3)"}
 * @param values data and grad lines of a tensor when values are shown (micrograd's record), else null
 * @param nodeNumber the engine node's number (ops and {@code AccumulateGrad}), else -1
 * @param tensorNumber the tensor's number (leaf, output and saved tensors), else -1
 * @param variable the variable holding the tensor (for {@code AccumulateGrad}, its leaf's), else null
 * @param freed an op whose saved tensors a backward without retain_graph freed: a second backward through it fails
 */
public record PictureNode(String id, Kind kind, List<String> lines, PictureValues values, int nodeNumber,
        int tensorNumber, String variable, boolean freed) implements PictureStatement {

    /** What a box stands for; torchviz colours each differently. */
    public enum Kind {
        /** A backward node, {@code AddBackward0}: light grey. */
        OP,
        /** The sink that writes {@code .grad} of a leaf: light grey like every backward node. */
        ACCUMULATE_GRAD,
        /** A leaf tensor that requires grad: lightblue. */
        LEAF,
        /** The root the picture is drawn from: darkolivegreen1. */
        OUTPUT,
        /** A tensor a backward node saved for its chain rule: orange. */
        SAVED
    }

    public PictureNode {
        lines = List.copyOf(lines);
    }

    /** The label as one text, lines joined by newlines (torchviz's {@code "w\n (5, 3)"}). */
    public String label() {
        return String.join("\n", lines);
    }

    /** The first line: an op's name, a tensor's name (empty for an unnamed output). */
    public String title() {
        return lines.get(0);
    }

    /** True for the boxes of engine nodes (ops and {@code AccumulateGrad}). */
    public boolean isEngineNode() {
        return kind == Kind.OP || kind == Kind.ACCUMULATE_GRAD;
    }
}
