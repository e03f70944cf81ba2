package org.gradviz.app.editor.panels;

import org.gradviz.app.document.OpNode;

/** Copies of an op node with one attribute changed; NaN (an empty or unreadable field) clears it. */
final class OpAttributes {
    private OpAttributes() {
    }

    static OpNode withReduction(OpNode n, String reduction) {
        return new OpNode(n.name(), n.op(), reduction, n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), n.exponent(), n.scalar(), n.showValue());
    }

    static OpNode withDim(OpNode n, Integer dim) {
        return new OpNode(n.name(), n.op(), n.reduction(), dim, dim == null ? null : n.keepdim(), n.startDim(),
                n.endDim(), n.shape(), n.min(), n.max(), n.exponent(), n.scalar(), n.showValue());
    }

    /** Flatten's {@code start_dim} and {@code end_dim}; null clears one (its default, 0 or -1). */
    static OpNode withFlattenDims(OpNode n, Integer startDim, Integer endDim) {
        return new OpNode(n.name(), n.op(), n.reduction(), n.dim(), n.keepdim(), startDim, endDim, n.shape(), n.min(),
                n.max(), n.exponent(), n.scalar(), n.showValue());
    }

    /**
     * View's and reshape's sizes from the inspector's text ({@code 1, -1}, {@code [1, -1]}), or empty when the text is
     * no list of whole numbers; whether the sizes fit is the validator's and the run's to say, naming the node.
     */
    static java.util.Optional<OpNode> withShape(OpNode n, String text) {
        return java.util.Optional.ofNullable(org.gradviz.app.document.ShapeText.parseSizes(text)).map(n::withShape);
    }

    /** The sizes as the field shows them: {@code 1, -1}. */
    static String shapeText(OpNode n) {
        return n.shape() == null ? "" : n.shape().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static OpNode withBounds(OpNode n, Double min, Double max) {
        return new OpNode(n.name(), n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(), n.shape(),
                cleared(min), cleared(max), n.exponent(), n.scalar(), n.showValue());
    }

    static OpNode withExponent(OpNode n, double exponent) {
        return new OpNode(n.name(), n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), cleared(exponent), n.scalar(), n.showValue());
    }

    static OpNode withScalar(OpNode n, double scalar) {
        return new OpNode(n.name(), n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), n.exponent(), cleared(scalar), n.showValue());
    }

    /** Shows or hides the op's value on the canvas and in the network view ({@code showValue}, default shown). */
    static OpNode withValueShown(OpNode n, boolean shown) {
        return new OpNode(n.name(), n.op(), n.reduction(), n.dim(), n.keepdim(), n.startDim(), n.endDim(),
                n.shape(), n.min(), n.max(), n.exponent(), n.scalar(), shown ? null : Boolean.FALSE);
    }

    private static Double cleared(Double d) {
        return d == null || d.isNaN() ? null : d;
    }
}
