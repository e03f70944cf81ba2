package org.gradviz.app.animation.view;

import java.util.Locale;
import javafx.css.PseudoClass;

/** What a box of the autograd view is showing, each a pseudo-class of the same name ({@code :running}). */
public enum NodeState {
    /** The engine is running this node's chain rule now. */
    RUNNING,
    /** The node has run in this backward pass. */
    DONE,
    /** Its saved tensors were freed (backward without retain_graph). */
    FREED,
    /** The user picked it. */
    SELECTED,
    /** Drawn attention to (e.g. the node a text talks about). */
    HIGHLIGHTED,
    /** Out of date: the graph changed since it was drawn. */
    STALE;

    private final PseudoClass pseudoClass = PseudoClass.getPseudoClass(name().toLowerCase(Locale.ROOT));

    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
