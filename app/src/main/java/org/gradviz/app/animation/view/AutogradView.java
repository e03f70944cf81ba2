package org.gradviz.app.animation.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.gradviz.app.document.Theme;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.AutogradDot;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.PictureEdge;
import org.gradviz.app.render.PictureNode;

/**
 * The autograd graph in the window, as torchviz draws it: an {@link AutogradPicture} placed by its
 * {@link AutogradLayout}, boxes as JavaFX nodes ({@link AutogradNodeView}), edges as paths with arrowheads
 * ({@link AutogradEdgeView}). Zoom with the wheel, a pinch or Ctrl +/−, Ctrl 0 to fit; drag the background to pan.
 * The view fits the graph when shown and whenever it is resized, until the user zooms or pans.
 *
 * <p>For an animation: find boxes by engine node number and edges by (sender, input index) as the engine reports
 * them, turn their states on and off, label edges with the gradient they carry, put notes under boxes, and
 * {@link #pulse} a dot along an edge. Everything is drawn by CSS ({@code .autograd-*} in gradviz.css), states as
 * pseudo-classes. Call on the FX thread.
 */
public final class AutogradView extends Region {
    private static final double CLICK_SLOP = 4;

    private final Group drawing = new Group();
    private final Group edgeLayer = new Group();
    private final Group pulseLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Label placeholder = new Label();
    private final ProgressIndicator busyIndicator = new ProgressIndicator();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Viewport viewport = new Viewport(Viewport.AUTOGRAD, true);
    private final Map<String, AutogradNodeView> nodesById = new LinkedHashMap<>();
    private final Map<Integer, AutogradNodeView> nodesByNumber = new LinkedHashMap<>();
    private final Map<Long, AutogradEdgeView> edgesBySender = new LinkedHashMap<>();
    private final List<AutogradEdgeView> edges = new ArrayList<>();
    private final ReadOnlyObjectWrapper<PictureNode> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private Consumer<PictureNode> onNodeClicked = n -> { };
    private AutogradPicture picture;
    private AutogradLayout layout;
    private Point2D pressedAt;
    private Point2D lastDrag;

    public AutogradView() {
        createView();
        initListeners();
        showPlaceholder("");
    }

    private void createView() {
        getStyleClass().add(AutogradStyles.VIEW);
        setId("autograd-view");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        drawing.getChildren().addAll(edgeLayer, pulseLayer, nodeLayer, labelLayer);
        drawing.setManaged(false);
        viewport.attach(drawing);
        placeholder.getStyleClass().add(AutogradStyles.PLACEHOLDER);
        placeholder.setWrapText(true);
        placeholder.setManaged(false);
        placeholder.setMouseTransparent(true);
        busyIndicator.getStyleClass().add(AutogradStyles.BUSY);
        busyIndicator.setManaged(false);
        busyIndicator.setMouseTransparent(true);
        busyIndicator.visibleProperty().bind(busy);
        getChildren().addAll(drawing, placeholder, busyIndicator);
        setFocusTraversable(true);
    }

    private void initListeners() {
        widthProperty().addListener((obs, old, now) -> refitIfFitting());
        heightProperty().addListener((obs, old, now) -> refitIfFitting());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(ZoomEvent.ZOOM, this::pinched);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    // ----- what is shown

    /** Shows {@code picture} as {@code layout} places it, replacing everything (states, notes, labels, selection). */
    public void setPicture(AutogradPicture picture, AutogradLayout layout) {
        this.picture = picture;
        this.layout = layout;
        clearViews();
        for (AutogradLayout.Curve curve : layout.curves()) {
            AutogradEdgeView edge = new AutogradEdgeView(curve);
            edges.add(edge);
            edgeLayer.getChildren().add(edge);
            labelLayer.getChildren().add(edge.labelNode());
            PictureEdge e = curve.edge();
            if (e.kind() == PictureEdge.Kind.GRADIENT) {
                edgesBySender.put(key(e.senderNodeNumber(), e.inputIndex()), edge);
            }
        }
        for (PictureNode n : picture.nodes()) {
            AutogradNodeView view = new AutogradNodeView(n, layout.box(n.id()));
            view.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                    select(n);
                    onNodeClicked.accept(n);
                    e.consume();
                }
            });
            view.setState(NodeState.FREED, n.freed());
            nodesById.put(n.id(), view);
            if (n.nodeNumber() >= 0) {
                nodesByNumber.putIfAbsent(n.nodeNumber(), view);
            }
            nodeLayer.getChildren().add(view);
        }
        placeholder.setVisible(false);
        refitIfFitting();
    }

    /**
     * Shows {@code next} in place of the picture shown when both draw the same DOT with the same numbers (a
     * backward only freed saved tensors): the marks change, nothing is drawn anew and states stay. False, changing
     * nothing, when that does not apply.
     */
    public boolean updateMarks(AutogradPicture next) {
        if (picture == null || next.nodes().size() != picture.nodes().size()
                || !AutogradDot.render(next).equals(AutogradDot.render(picture))) {
            return false;
        }
        for (int i = 0; i < next.nodes().size(); i++) {
            PictureNode before = picture.nodes().get(i);
            PictureNode after = next.nodes().get(i);
            if (before.nodeNumber() != after.nodeNumber() || before.tensorNumber() != after.tensorNumber()) {
                return false;
            }
        }
        for (PictureNode n : next.nodes()) {
            nodesById.get(n.id()).replaceNode(n);
        }
        picture = next;
        return true;
    }

    /** No graph: {@code message} in the middle of the view (e.g. "Run Forward to build the autograd graph"). */
    public void showPlaceholder(String message) {
        picture = null;
        layout = null;
        clearViews();
        placeholder.setText(message);
        placeholder.setVisible(message != null && !message.isEmpty());
        requestLayout();
    }

    private void clearViews() {
        edgeLayer.getChildren().clear();
        pulseLayer.getChildren().clear();
        nodeLayer.getChildren().clear();
        labelLayer.getChildren().clear();
        nodesById.clear();
        nodesByNumber.clear();
        edgesBySender.clear();
        edges.clear();
        selected.set(null);
    }

    /** Shows or hides the values and gradients noted beside boxes and on edges (the structure stays). */
    public void setValuesShown(boolean shown) {
        labelLayer.setVisible(shown);
    }

    /** The node holding every box, edge and label, zoomed and panned by the view (to picture it whole). */
    public javafx.scene.Node drawing() {
        return drawing;
    }

    /** The layout of the picture shown, or null while the placeholder is. */
    public AutogradLayout pictureLayout() {
        return layout;
    }

    /** The picture shown, or null while the placeholder is. */
    public AutogradPicture picture() {
        return picture;
    }

    /** The placeholder's text ("" when a graph is shown or nothing is said). */
    public String placeholderText() {
        return placeholder.isVisible() ? placeholder.getText() : "";
    }

    /** Light (torchviz's colours), dark or high contrast: a style class on the view. */
    public void setTheme(Theme theme) {
        getStyleClass().removeAll(AutogradStyles.THEME_DARK, AutogradStyles.THEME_HIGH_CONTRAST);
        if (theme == Theme.DARK) {
            getStyleClass().add(AutogradStyles.THEME_DARK);
        } else if (theme == Theme.HIGH_CONTRAST) {
            getStyleClass().add(AutogradStyles.THEME_HIGH_CONTRAST);
        }
    }

    /** While true a spinner turns in the corner (a layout is being made). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    // ----- finding boxes and edges

    /** The box of engine node {@code nodeNumber} (an op or an {@code AccumulateGrad}). */
    public Optional<AutogradNodeView> nodeView(int nodeNumber) {
        return Optional.ofNullable(nodesByNumber.get(nodeNumber));
    }

    /** The box with DOT id {@code id} ({@code n0} is the output). */
    public Optional<AutogradNodeView> nodeView(String id) {
        return Optional.ofNullable(nodesById.get(id));
    }

    /** The boxes of tensor {@code tensorNumber}: its leaf or output box and boxes where it is saved. */
    public List<AutogradNodeView> tensorViews(int tensorNumber) {
        return nodesById.values().stream().filter(v -> v.node().tensorNumber() == tensorNumber).toList();
    }

    /** Every box, in the picture's order. */
    public List<AutogradNodeView> nodeViews() {
        return List.copyOf(nodesById.values());
    }

    /** The edge along which engine node {@code sender} sends the gradient of its input {@code inputIndex}. */
    public Optional<AutogradEdgeView> edgeView(int sender, int inputIndex) {
        return Optional.ofNullable(edgesBySender.get(key(sender, inputIndex)));
    }

    /** The first edge from box {@code fromId} to box {@code toId} (a leaf's edge, the output's edge). */
    public Optional<AutogradEdgeView> edgeView(String fromId, String toId) {
        return edges.stream().filter(e -> e.edge().from().equals(fromId) && e.edge().to().equals(toId)).findFirst();
    }

    /** Every edge, in the picture's order. */
    public List<AutogradEdgeView> edgeViews() {
        return List.copyOf(edges);
    }

    /** Every state, note, label and magnitude off, running pulses gone: the graph as first shown. */
    public void clearStates() {
        nodesById.values().forEach(v -> {
            v.clear();
            v.setState(NodeState.FREED, v.node().freed());
            v.setState(NodeState.SELECTED, v.node().equals(selected.get()));
        });
        edges.forEach(AutogradEdgeView::clear);
        pulseLayer.getChildren().clear();
    }

    // ----- animation

    /** Plays a dot along {@code edge} backward (head to tail), the way its gradient goes; returns it playing. */
    public Animation pulse(AutogradEdgeView edge, Duration duration) {
        Animation a = pulseAnimation(edge, duration, true);
        a.play();
        return a;
    }

    /**
     * A dot along {@code edge}, not yet playing (to chain in a {@code SequentialTransition}); {@code backward} from
     * the head to the tail as a gradient goes, else as the forward pass goes. A zero duration shows nothing.
     */
    public Animation pulseAnimation(AutogradEdgeView edge, Duration duration, boolean backward) {
        return new EdgePulse(edge, duration, backward, pulseLayer);
    }

    /** How many pulse dots are on screen now. */
    int pulsesShown() {
        return pulseLayer.getChildren().size();
    }

    // ----- selection

    /** The box the user picked last (null for none). */
    public ReadOnlyObjectProperty<PictureNode> selectedNodeProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Called with a box's picture node each time it is clicked. */
    public void setOnNodeClicked(Consumer<PictureNode> handler) {
        onNodeClicked = handler == null ? n -> { } : handler;
    }

    /** Selects the box of {@code node} (null: none), marking it {@code :selected}. */
    public void select(PictureNode node) {
        PictureNode old = selected.get();
        if (old != null) {
            nodeView(old.id()).ifPresent(v -> v.setState(NodeState.SELECTED, false));
        }
        selected.set(node);
        if (node != null) {
            nodeView(node.id()).ifPresent(v -> v.setState(NodeState.SELECTED, true));
        }
    }

    // ----- zoom and pan

    private void pressed(MouseEvent e) {
        requestFocus();
        pressedAt = new Point2D(e.getX(), e.getY());
        lastDrag = pressedAt;
    }

    /** Any button drags the whole graph, once the pointer has left the few pixels a click may wobble. */
    private void dragged(MouseEvent e) {
        if (lastDrag == null || (lastDrag == pressedAt && pressedAt.distance(e.getX(), e.getY()) <= CLICK_SLOP)) {
            return;
        }
        viewport.panBy(e.getX() - lastDrag.getX(), e.getY() - lastDrag.getY());
        lastDrag = new Point2D(e.getX(), e.getY());
    }

    /** A click on the background (not a drag) selects nothing. */
    private void released(MouseEvent e) {
        if (lastDrag == pressedAt && e.getButton() == MouseButton.PRIMARY
                && !(e.getTarget() instanceof Node n && isInBox(n))) {
            select(null);
        }
        pressedAt = null;
        lastDrag = null;
    }

    private boolean isInBox(Node target) {
        for (Node n = target; n != null && n != this; n = n.getParent()) {
            if (n instanceof AutogradNodeView) {
                return true;
            }
        }
        return false;
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            viewport.zoomAt(Math.exp(e.getDeltaY() * 0.002), e.getX(), e.getY());
        }
        e.consume();
    }

    private void pinched(ZoomEvent e) {
        viewport.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fit();
        } else {
            return;
        }
        e.consume();
    }

    public void zoomIn() {
        viewport.zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        viewport.zoomAt(0.8, getWidth() / 2, getHeight() / 2);
    }

    /** Shows the whole graph centred, and keeps doing so as the view is resized until the user zooms or pans. */
    public void fit() {
        if (layout == null) {
            viewport.fit(0, 0, 0, 0);
            return;
        }
        viewport.fit(layout.width(), layout.height(), getWidth(), getHeight());
    }

    /** The zoom, 1 for one pixel per layout point. */
    public double zoomFactor() {
        return viewport.zoom();
    }

    private void refitIfFitting() {
        if (viewport.fitting()) {
            fit();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double pw = Math.min(placeholder.prefWidth(-1), Math.max(0, w - 2 * viewport.limits().margin()));
        double ph = placeholder.prefHeight(pw);
        placeholder.resizeRelocate((w - pw) / 2, (h - ph) / 2, pw, ph);
        double size = busyIndicator.prefWidth(-1);
        busyIndicator.resizeRelocate(w - size - 12, 12, size, size);
    }

    private static long key(int sender, int inputIndex) {
        return ((long) sender << 32) | (inputIndex & 0xffffffffL);
    }
}
