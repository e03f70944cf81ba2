package org.gradviz.app.shell;

/** Style classes, ids and pseudo-classes used by the shell; assets/css/gradviz.css styles them. */
public final class StyleClasses {

    public static final String MAIN_WINDOW = "main-window";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_MESSAGE = "status-message";

    private StyleClasses() {
    }
}
