package org.gradviz.app.animation.view;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.LayoutPoint;
import org.gradviz.app.render.PictureEdge;

/**
 * One edge of the autograd view: Graphviz's Bézier curve with its arrowhead, in torchviz's forward direction,
 * and an optional label by the middle of the curve (the gradient it carries). States are pseudo-classes
 * ({@link EdgeState}), the size of its gradient one of {@link GradientMagnitude}'s.
 */
public final class AutogradEdgeView extends Group {
    /** Room between the curve and its label, in layout points. */
    private static final double LABEL_GAP = 4;
    /** Where along the curve its label goes, from the tail (0) to the head (1). */
    private static final double LABEL_AT = 0.7;

    private final PictureEdge edge;
    private final List<LayoutPoint> points;
    private final Path line = new Path();
    private final Polygon arrowhead = new Polygon();
    private final Label label = new Label();
    private final Set<EdgeState> states = EnumSet.noneOf(EdgeState.class);
    private GradientMagnitude magnitude;

    AutogradEdgeView(AutogradLayout.Curve curve) {
        this.edge = curve.edge();
        this.points = curve.points();
        createView(curve);
    }

    private void createView(AutogradLayout.Curve curve) {
        getStyleClass().addAll(AutogradStyles.EDGE, AutogradStyles.kind(edge.kind()));
        setId("autograd-" + edge.from() + "-" + edge.to());
        line.getStyleClass().add(AutogradStyles.EDGE_LINE);
        if (!points.isEmpty()) {
            line.getElements().add(new MoveTo(points.get(0).x(), points.get(0).y()));
            for (int i = 1; i + 2 < points.size(); i += 3) {
                LayoutPoint c1 = points.get(i);
                LayoutPoint c2 = points.get(i + 1);
                LayoutPoint end = points.get(i + 2);
                line.getElements().add(new CubicCurveTo(c1.x(), c1.y(), c2.x(), c2.y(), end.x(), end.y()));
            }
        }
        arrowhead.getStyleClass().add(AutogradStyles.ARROWHEAD);
        for (LayoutPoint p : curve.arrowhead()) {
            arrowhead.getPoints().addAll(p.x(), p.y());
        }
        arrowhead.setVisible(!curve.arrowhead().isEmpty());
        label.getStyleClass().add(AutogradStyles.EDGE_LABEL);
        label.setVisible(false);
        label.setMouseTransparent(true);
        placeLabel();
        getChildren().addAll(line, arrowhead);
    }

    /**
     * The label goes by the curve a little past its middle, towards the head (notes hang under the tails), on the
     * outer side: left of an edge that runs down to the right, else right, so two edges meeting at one box keep
     * their labels apart; above an edge that runs mostly sideways (rankdir LR).
     */
    private void placeLabel() {
        CurvePoints curve = new CurvePoints(points);
        LayoutPoint at = curve.at(LABEL_AT);
        double dx = curve.at(1).x() - curve.at(0).x();
        double dy = curve.at(1).y() - curve.at(0).y();
        boolean sideways = Math.abs(dx) > 2 * Math.abs(dy);
        boolean runsRight = dx > 1;
        // the label's group sizes it; keep it beside the curve whatever its size
        label.widthProperty().addListener((obs, old, width) -> label.setLayoutX(sideways
                ? at.x() - width.doubleValue() / 2
                : runsRight ? at.x() - LABEL_GAP - width.doubleValue() : at.x() + LABEL_GAP));
        label.heightProperty().addListener((obs, old, height) -> label.setLayoutY(sideways
                ? at.y() - LABEL_GAP - height.doubleValue()
                : at.y() - height.doubleValue() / 2));
        label.setLayoutX(at.x());
        label.setLayoutY(at.y());
    }

    /** The picture edge this shows. */
    public PictureEdge edge() {
        return edge;
    }

    /** Turns a state (pseudo-class) on or off. */
    public void setState(EdgeState state, boolean on) {
        if (on ? states.add(state) : states.remove(state)) {
            pseudoClassStateChanged(state.pseudoClass(), on);
        }
    }

    public boolean hasState(EdgeState state) {
        return states.contains(state);
    }

    /** Width and colour for a gradient of this size; null for the plain edge. */
    public void setMagnitude(GradientMagnitude value) {
        if (magnitude != null) {
            pseudoClassStateChanged(magnitude.pseudoClass(), false);
            label.pseudoClassStateChanged(magnitude.pseudoClass(), false);
        }
        magnitude = value;
        if (value != null) {
            pseudoClassStateChanged(value.pseudoClass(), true);
            label.pseudoClassStateChanged(value.pseudoClass(), true);
        }
    }

    public GradientMagnitude magnitude() {
        return magnitude;
    }

    /** Text by the middle of the curve (the gradient it carries); null or empty hides it. */
    public void setLabel(String text) {
        boolean shown = text != null && !text.isEmpty();
        label.setText(shown ? text : "");
        label.setVisible(shown);
    }

    public String label() {
        return label.getText();
    }

    /** Every state off, no label, no magnitude. */
    public void clear() {
        for (EdgeState s : EdgeState.values()) {
            setState(s, false);
        }
        setMagnitude(null);
        setLabel(null);
    }

    /** The label, drawn by the view above the boxes so they never hide it. */
    Label labelNode() {
        return label;
    }

    /** The curve's Bézier points, tail to head. */
    List<LayoutPoint> points() {
        return points;
    }
}
