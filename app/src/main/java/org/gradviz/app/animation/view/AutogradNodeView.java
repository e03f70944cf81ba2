package org.gradviz.app.animation.view;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.LayoutPoint;
import org.gradviz.app.render.LayoutText;
import org.gradviz.app.render.PictureNode;

/**
 * One box of the autograd view, exactly where and as large as Graphviz laid it out, its label lines on
 * Graphviz's baselines (torchviz's centred lines, a record's fields and their rules), and an optional note under
 * it ({@code grad: 0.0000 → 0.2661}). Its states are pseudo-classes ({@link NodeState}), its kind a style class
 * ({@link AutogradStyles#kind}).
 */
public final class AutogradNodeView extends Region {
    /** Room between the box and its note, in layout points. */
    private static final double NOTE_GAP = 2;

    private PictureNode node;
    private final AutogradLayout.Box place;
    private final Region box = new Region();
    private final Label note = new Label();
    private final Set<NodeState> states = EnumSet.noneOf(NodeState.class);

    AutogradNodeView(PictureNode node, AutogradLayout.Box place) {
        this.node = node;
        this.place = place;
        createView();
    }

    private void createView() {
        getStyleClass().addAll(AutogradStyles.NODE, AutogradStyles.kind(node.kind()));
        setId("autograd-" + node.id());
        box.getStyleClass().add(AutogradStyles.BOX);
        getChildren().add(box);
        for (List<LayoutPoint> rule : place.rules()) {
            Polyline line = new Polyline();
            line.getStyleClass().add(AutogradStyles.RULE);
            rule.forEach(p -> line.getPoints().addAll(p.x() - place.minX(), p.y() - place.minY()));
            line.setManaged(false);
            getChildren().add(line);
        }
        for (LayoutText t : place.texts()) {
            getChildren().add(text(t));
        }
        note.getStyleClass().add(AutogradStyles.NOTE);
        note.setVisible(false);
        note.setManaged(false);
        note.setMouseTransparent(true);
        getChildren().add(note);
        relocate(place.minX(), place.minY());
    }

    /** A label line on Graphviz's baseline, anchored as Graphviz anchored it, in the stylesheet's font. */
    private Text text(LayoutText t) {
        Text text = new Text(t.text());
        text.getStyleClass().add(AutogradStyles.LABEL);
        text.setTextOrigin(VPos.BASELINE);
        text.setManaged(false);
        text.setMouseTransparent(true);
        double x = t.at().x() - place.minX();
        text.setLayoutY(t.at().y() - place.minY());
        // the stylesheet sets the font; place the line once its width is known
        text.layoutBoundsProperty().addListener((obs, old, bounds) -> text.setLayoutX(anchored(x, bounds.getWidth(), t)));
        text.setLayoutX(anchored(x, text.getLayoutBounds().getWidth(), t));
        return text;
    }

    private static double anchored(double x, double width, LayoutText t) {
        return switch (t.align()) {
            case LEFT -> x;
            case CENTRE -> x - width / 2;
            case RIGHT -> x - width;
        };
    }

    /** The picture node this box shows. */
    /** Takes {@code next}, the same box with new marks (freed), without drawing it again. */
    void replaceNode(PictureNode next) {
        node = next;
        setState(NodeState.FREED, next.freed());
    }

    public PictureNode node() {
        return node;
    }

    /** Turns a state (pseudo-class) on or off. */
    public void setState(NodeState state, boolean on) {
        if (on ? states.add(state) : states.remove(state)) {
            pseudoClassStateChanged(state.pseudoClass(), on);
        }
    }

    public boolean hasState(NodeState state) {
        return states.contains(state);
    }

    /** Every state off, no note. */
    public void clear() {
        for (NodeState s : NodeState.values()) {
            setState(s, false);
        }
        setNote(null);
    }

    /** A small text under the box ({@code grad: 0.0000 → 0.2661}); null or empty hides it. */
    public void setNote(String text) {
        boolean shown = text != null && !text.isEmpty();
        note.setText(shown ? text : "");
        note.setVisible(shown);
        requestLayout();
    }

    public String note() {
        return note.getText();
    }

    /** The framed box (for tests: its computed fill and border). */
    Region box() {
        return box;
    }

    /** The label's lines (for tests: do they fit the box). */
    List<Text> texts() {
        return getChildren().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    @Override
    protected void layoutChildren() {
        box.resizeRelocate(0, 0, place.width(), place.height());
        if (note.isVisible()) {
            double w = note.prefWidth(-1);
            double h = note.prefHeight(w);
            note.resizeRelocate((place.width() - w) / 2, place.height() + NOTE_GAP, w, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return place.width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return place.height();
    }
}
