package org.gradviz.app.shell;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers where the window was and how big it was, in {@link Preferences}.
 * A saved position is only restored while it still lies on a connected screen; otherwise, and the first
 * time, the window fills the primary screen.
 */
final class WindowPlacement {

    private static final String X = "x";
    private static final String Y = "y";
    private static final String WIDTH = "width";
    private static final String HEIGHT = "height";
    private static final String MAXIMIZED = "maximized";

    private final Preferences node;

    WindowPlacement(Preferences node) {
        this.node = node;
    }

    /** Restores the saved placement onto {@code stage} and saves it again when the stage hides. */
    void remember(Stage stage) {
        restore(stage);
        stage.setOnHidden(event -> save(stage));
    }

    private void restore(Stage stage) {
        double width = node.getDouble(WIDTH, Double.NaN);
        double height = node.getDouble(HEIGHT, Double.NaN);
        double x = node.getDouble(X, Double.NaN);
        double y = node.getDouble(Y, Double.NaN);
        if (Double.isNaN(width) || Double.isNaN(height) || Double.isNaN(x) || Double.isNaN(y)
                || Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            fillScreen(stage);
            return;
        }
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(node.getBoolean(MAXIMIZED, false));
    }

    /** The first time (or when the saved place is off every screen): all of the primary screen, for the boxes. */
    private static void fillScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    private void save(Stage stage) {
        node.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized()) {
            node.putDouble(X, stage.getX());
            node.putDouble(Y, stage.getY());
            node.putDouble(WIDTH, stage.getWidth());
            node.putDouble(HEIGHT, stage.getHeight());
        }
    }
}
