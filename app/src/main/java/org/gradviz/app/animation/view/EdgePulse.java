package org.gradviz.app.animation.view;

import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.scene.Group;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.gradviz.app.render.LayoutPoint;

/**
 * A dot travelling along an edge: from its head to its tail for a gradient (backward), or tail to head (forward).
 * The dot is in its layer only while the transition is between its start and its end, so a finished, stopped or
 * zero-length pulse leaves nothing on screen, and one pulse can be played again (or inside a
 * {@code SequentialTransition}).
 */
final class EdgePulse extends Transition {
    /** The dot's radius, in layout points. */
    static final double RADIUS = 4;

    private final CurvePoints curve;
    private final boolean backward;
    private final Group layer;
    private final Circle dot = new Circle(RADIUS);

    EdgePulse(AutogradEdgeView edge, Duration duration, boolean backward, Group layer) {
        this.curve = new CurvePoints(edge.points());
        this.backward = backward;
        this.layer = layer;
        dot.getStyleClass().add(AutogradStyles.PULSE);
        dot.setMouseTransparent(true);
        setCycleDuration(duration);
        setInterpolator(Interpolator.EASE_BOTH);
        statusProperty().addListener((obs, old, now) -> {
            if (now == Status.STOPPED) {
                layer.getChildren().remove(dot);
            }
        });
    }

    @Override
    protected void interpolate(double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            layer.getChildren().remove(dot);
            return;
        }
        LayoutPoint at = curve.at(backward ? 1 - fraction : fraction);
        dot.setCenterX(at.x());
        dot.setCenterY(at.y());
        if (dot.getParent() == null) {
            layer.getChildren().add(dot);
        }
    }

    /** The dot (for tests: is it on screen). */
    Circle dot() {
        return dot;
    }
}
