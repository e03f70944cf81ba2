package org.gradviz.app.animation.view;

import javafx.css.PseudoClass;

/** Style classes and pseudo-classes of the animated views (rules in assets/css/gradviz.css). */
public final class FlowStyles {
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** The node or box the engine is at. */
    public static final PseudoClass ACTIVE = PseudoClass.getPseudoClass("active");
    /** An edge the gradient travels at this very step. */
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    /** An edge some gradient travelled earlier in this command. */
    public static final PseudoClass CARRIED = PseudoClass.getPseudoClass("carried");
    public static final String LEGEND = "flow-legend";
    public static final String LEGEND_LINE = "flow-legend-line";
    public static final String FLOW_LABEL = "flow-label";

    private FlowStyles() {
    }
}
