package org.gradviz.app.render;

/**
 * Colours of a backward pass drawn at one step, the window's (assets/css/gradviz.css, Okabe-Ito, colour-blind
 * safe), always with a second cue: nodes that ran get a wider border, the running one a much wider one, the edge
 * the gradient travels now a wider line.
 */
final class StepColors {
    /** Nodes that ran and the edges that carried a gradient: bluish green. */
    static final String DONE = "#009e73";
    /** The node the engine is at: orange. */
    static final String RUNNING = "#e69f00";
    /** The edge the gradient travels at this step: vermillion. */
    static final String CURRENT = "#d55e00";
    static final String DONE_WIDTH = "2";
    static final String RUNNING_WIDTH = "4";
    static final String CURRENT_WIDTH = "3";

    private StepColors() {
    }
}
