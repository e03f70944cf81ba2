package org.gradviz.app.animation.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;

/**
 * What the edges' widths and colours mean, the same on both views: the largest |gradient| an edge carried, in
 * decades ({@link GradientMagnitude}). Width says it as well as colour, so it never rests on colour alone.
 */
final class FlowLegend extends FlowPane {
    private static final String[] RANGES = {"< 0.001", "< 0.01", "< 0.1", "< 1", "≥ 1"};

    FlowLegend() {
        super(10, 2);
        getStyleClass().add(FlowStyles.LEGEND);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().add(new Label("edge width and colour = largest |grad| it carried:"));
        for (GradientMagnitude m : GradientMagnitude.values()) {
            Line line = new Line(0, 0, 28, 0);
            line.getStyleClass().add(FlowStyles.LEGEND_LINE);
            line.pseudoClassStateChanged(m.pseudoClass(), true);
            HBox item = new HBox(4, line, new Label(RANGES[m.ordinal()]));
            item.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(item);
        }
    }
}
