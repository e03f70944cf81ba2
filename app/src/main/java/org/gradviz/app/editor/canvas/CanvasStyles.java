package org.gradviz.app.editor.canvas;

import javafx.css.PseudoClass;

/** Style classes and pseudo-classes of the editor canvas; assets/css/gradviz.css styles them. */
public final class CanvasStyles {
    public static final String CANVAS = "graph-canvas";
    public static final String NODE = "graph-node";
    public static final String NODE_TITLE = "graph-node-title";
    public static final String NODE_KIND = "graph-node-kind";
    public static final String NODE_SHAPE = "graph-node-shape";
    public static final String NODE_ERROR = "graph-node-error";
    public static final String PORT = "graph-port";
    public static final String PORT_LABEL = "graph-port-label";
    /** The drawn circle of a port. */
    public static final String PORT_DOT = "graph-port-dot";
    /** The column of a box's input ports (its spacing is the theme's). */
    public static final String PORTS = "graph-node-ports";
    /** The invisible, larger circle around it that takes the mouse. */
    public static final String PORT_HIT = "graph-port-hit";
    public static final String EDGE = "graph-edge";
    public static final String EDGE_LABEL = "graph-edge-label";
    /** The thin line from a gradient label placed away from its edge to the edge. */
    public static final String EDGE_LABEL_LEADER = "graph-edge-label-leader";
    public static final String WIRE = "graph-wire";
    public static final String RUBBER_BAND = "rubber-band";
    public static final String VERDICT = "connection-verdict";
    public static final String GRID_CAPTION = "tensor-grid-caption";
    public static final String GRID_BOX = "tensor-grid-box";
    public static final String GRADCHECK = "gradcheck-badge";

    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A value or gradient a later command made out of date (Step, Zero grads): greyed. */
    public static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    public static final PseudoClass OUTPUT = PseudoClass.getPseudoClass("output");
    public static final PseudoClass ALLOWED = PseudoClass.getPseudoClass("allowed");
    public static final PseudoClass FORBIDDEN = PseudoClass.getPseudoClass("forbidden");
    public static final PseudoClass PARAMETER = PseudoClass.getPseudoClass("parameter");
    public static final PseudoClass INPUT = PseudoClass.getPseudoClass("input");
    public static final PseudoClass CONSTANT = PseudoClass.getPseudoClass("constant");
    public static final PseudoClass OP = PseudoClass.getPseudoClass("op");
    /** A box showing only its name and numbers (presenting): less padding, so the numbers can be larger. */
    public static final PseudoClass BRIEF = PseudoClass.getPseudoClass("brief");

    private CanvasStyles() {
    }
}
