package org.gradviz.app.shell;

import javafx.css.PseudoClass;

/** Style classes, ids and pseudo-classes used by the shell; assets/css/gradviz.css styles them. */
public final class StyleClasses {

    public static final String MAIN_WINDOW = "main-window";
    public static final String TOOL_BAR = "main-tool-bar";
    public static final String BRAND = "brand";
    public static final String CANVAS_AREA = "canvas-area";
    public static final String CANVAS_HINT = "canvas-hint";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_MESSAGE = "status-message";

    /** On the canvas area while no document is open. */
    public static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");

    private StyleClasses() {
    }
}
