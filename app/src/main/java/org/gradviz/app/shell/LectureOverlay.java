package org.gradviz.app.shell;

import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * What a presenter puts over the whole window: a black screen (B), a spotlight that follows the mouse and darkens
 * everything else (L), and a short-lived badge saying the text size just chosen (the status line is hidden while
 * presenting). Never takes the mouse: clicks go to the graph beneath.
 */
final class LectureOverlay {
    static final double SPOTLIGHT_RADIUS = 160;
    private static final Duration BADGE_TIME = Duration.millis(1500);

    private final Pane layer = new Pane();
    private final Rectangle blank = new Rectangle();
    private final Rectangle spotlight = new Rectangle();
    private final Label badge = new Label();
    private final PauseTransition badgeTimer = new PauseTransition(BADGE_TIME);
    private final BooleanProperty blanked = new SimpleBooleanProperty(this, "blanked", false);
    private final BooleanProperty spotlightOn = new SimpleBooleanProperty(this, "spotlight", false);
    private double mouseX;
    private double mouseY;

    LectureOverlay(Region window) {
        layer.setId("lecture-overlay");
        layer.setManaged(false);
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        blank.setId("blank-screen");
        blank.setFill(Color.BLACK);
        blank.visibleProperty().bind(blanked);
        spotlight.setId("spotlight");
        spotlight.visibleProperty().bind(spotlightOn.and(blanked.not()));
        badge.setId("text-size-badge");
        badge.getStyleClass().add("text-size-badge");
        badge.setVisible(false);
        badge.setManaged(false);
        badgeTimer.setOnFinished(e -> badge.setVisible(false));
        for (Rectangle r : new Rectangle[] {blank, spotlight}) {
            r.widthProperty().bind(window.widthProperty());
            r.heightProperty().bind(window.heightProperty());
        }
        layer.getChildren().addAll(spotlight, badge, blank);
        // as big as the window, so what changes on it (the badge going) is redrawn wherever it is
        window.widthProperty().addListener((obs, old, now) -> {
            layer.resize(window.getWidth(), window.getHeight());
            placeBadge(window);
        });
        window.heightProperty().addListener((obs, old, now) -> layer.resize(window.getWidth(), window.getHeight()));
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> aimSpotlight(e.getSceneX(), e.getSceneY()));
                scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> aimSpotlight(e.getSceneX(), e.getSceneY()));
            }
        });
        spotlightOn.addListener((obs, was, on) -> aimSpotlight(mouseX, mouseY)); // where the mouse is now
        aimSpotlight(window.getWidth() / 2, window.getHeight() / 2);
    }

    /** The layer to add on top of the window's children. */
    Pane layer() {
        return layer;
    }

    BooleanProperty blankedProperty() {
        return blanked;
    }

    BooleanProperty spotlightProperty() {
        return spotlightOn;
    }

    /** Shows {@code text} in the top right corner for a moment. */
    void flash(String text) {
        badge.setText(text);
        badge.setVisible(true);
        badge.applyCss();
        badge.autosize();
        placeBadge((Region) layer.getParent());
        badgeTimer.playFromStart();
    }

    private void placeBadge(Region window) {
        if (window != null) {
            badge.relocate(window.getWidth() - badge.getWidth() - 24, 24);
        }
    }

    /** Clear inside the circle around the mouse, dark outside, with a soft edge. */
    private void aimSpotlight(double x, double y) {
        mouseX = x;
        mouseY = y;
        if (spotlightOn.get()) {
            spotlight.setFill(circleAt(x, y));
        }
    }

    private static RadialGradient circleAt(double x, double y) {
        return new RadialGradient(0, 0, x, y, SPOTLIGHT_RADIUS * 1.15, false, CycleMethod.NO_CYCLE,
                new Stop(0, Color.TRANSPARENT), new Stop(0.85, Color.TRANSPARENT),
                new Stop(1, Color.rgb(0, 0, 0, 0.72)));
    }
}
