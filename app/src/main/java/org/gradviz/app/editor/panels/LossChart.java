package org.gradviz.app.editor.panels;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.gradviz.app.document.DecimalText;

/**
 * The loss of every training step as a line, readable from the back of a room: thick line, large labels,
 * the first and last loss written out. Drawn on a canvas, so tens of thousands of steps stay cheap: at
 * most one point per pixel column is drawn.
 */
public final class LossChart extends Pane {
    public static final String ID = "loss-chart";
    static final double FONT_SIZE = 16;
    private static final double LEFT = 80;
    private static final double RIGHT = 24;
    private static final double TOP = 20;
    private static final double BOTTOM = 40;
    private static final Color AXIS = Color.web("#24292f");
    private static final Color LINE = Color.web("#0969da");

    private final ObservableList<Double> losses;
    private final Canvas canvas = new Canvas();
    private final javafx.scene.control.Label hover = new javafx.scene.control.Label();

    public LossChart(ObservableList<Double> losses) {
        this.losses = losses;
        setId(ID);
        hover.setId("loss-hover");
        hover.getStyleClass().add("loss-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        getChildren().addAll(canvas, hover);
        setOnMouseMoved(e -> showStepAt(e.getX(), e.getY()));
        setOnMouseExited(e -> hover.setVisible(false));
        losses.addListener((ListChangeListener<Double>) c -> draw());
        widthProperty().addListener((obs, old, now) -> draw());
        heightProperty().addListener((obs, old, now) -> draw());
        setMinSize(0, 0);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    private void draw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(Font.font("Monospaced", FONT_SIZE));
        g.setFill(AXIS);
        g.setTextBaseline(VPos.CENTER);
        double width = canvas.getWidth() - LEFT - RIGHT;
        double height = canvas.getHeight() - TOP - BOTTOM;
        if (losses.isEmpty() || width < 20 || height < 20) {
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("Train (Ctrl+T) to see the loss fall here.", 16, Math.max(FONT_SIZE, canvas.getHeight() / 2));
            return;
        }
        List<Double> values = losses;
        double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (max <= min) {
            max = min + 1;
        }
        axes(g, width, height, min, max, values.size());
        g.setStroke(LINE);
        g.setLineWidth(3);
        g.beginPath();
        int n = values.size();
        int columns = (int) Math.max(1, Math.min(n, width));
        for (int column = 0; column < columns; column++) {
            int i = n == 1 ? 0 : (int) Math.round((double) column * (n - 1) / Math.max(1, columns - 1));
            double x = LEFT + (n == 1 ? 0 : width * i / (n - 1));
            double y = TOP + height * (max - values.get(i)) / (max - min);
            if (column == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        double last = values.get(n - 1);
        g.setFill(LINE);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("loss " + DecimalText.of(last), LEFT + width, TOP + height * (max - last) / (max - min) - 6);
    }

    /** The step under the mouse, for {@code x} in the chart: 1-based, or 0 outside the plotted steps. */
    static int stepAt(double x, double chartWidth, int steps) {
        double width = chartWidth - LEFT - RIGHT;
        if (steps == 0 || width <= 0 || x < LEFT - 4 || x > LEFT + width + 4) {
            return 0;
        }
        double share = Math.max(0, Math.min(1, (x - LEFT) / width));
        return 1 + (int) Math.round(share * (steps - 1));
    }

    /** Hovering the curve names the step under the mouse and its loss ({@code step 37: loss 0.1234}). */
    private void showStepAt(double x, double y) {
        int step = stepAt(x, getWidth(), losses.size());
        hover.setVisible(step > 0);
        if (step > 0) {
            hover.setText(String.format(java.util.Locale.ROOT, "step %,d: loss %s", step,
                    DecimalText.of(losses.get(step - 1))));
            hover.autosize();
            hover.relocate(Math.min(x + 12, getWidth() - hover.getWidth()), Math.max(0, y - hover.getHeight() - 8));
        }
    }

    private static void axes(GraphicsContext g, double width, double height, double min, double max, int steps) {
        g.setStroke(AXIS);
        g.setLineWidth(1.5);
        g.strokeLine(LEFT, TOP, LEFT, TOP + height);
        g.strokeLine(LEFT, TOP + height, LEFT + width, TOP + height);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(DecimalText.of(max), LEFT - 8, TOP);
        g.fillText(DecimalText.of(min), LEFT - 8, TOP + height);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("step 1", LEFT, TOP + height + BOTTOM / 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("step " + steps, LEFT + width, TOP + height + BOTTOM / 2);
    }
}
