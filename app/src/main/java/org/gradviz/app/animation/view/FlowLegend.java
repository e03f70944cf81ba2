package org.gradviz.app.animation.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;
import org.gradviz.app.animation.EdgeFlow;

/**
 * What the edges' widths and colours mean: the largest |gradient| an edge carried, as a share of the largest
 * in this command, in {@link EdgeFlow#BUCKETS} steps. Width says it as well as colour.
 */
final class FlowLegend extends HBox {
    private static final String[] SHARES = {"0", "≤ 25 %", "≤ 50 %", "≤ 75 %", "≤ 100 %"};

    FlowLegend() {
        super(10);
        getStyleClass().add(FlowStyles.LEGEND);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().add(new Label("edge = max |grad| it carried, of the largest:"));
        for (int b = 0; b < EdgeFlow.BUCKETS; b++) {
            Line line = new Line(0, 0, 28, 0);
            line.getStyleClass().addAll(FlowStyles.LEGEND_LINE, FlowStyles.flowClass(b));
            HBox item = new HBox(4, line, new Label(SHARES[b]));
            item.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(item);
        }
    }
}
