package org.gradviz.app.editor.canvas;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import org.gradviz.app.animation.view.Viewport;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.ShapeText;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.ConnectionVerdict;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.ElementState;
import org.gradviz.app.editor.GraphState;
import org.gradviz.app.editor.PaletteEntry;

/**
 * The editable network view. Boxes sit at the document's positions inside a zoomable, pannable layer.
 * Gestures: drag a box (or the selection) to move it, one undoable edit per drag; drag from an output
 * port to an input port to connect, the port showing allowed or forbidden and why while hovered; drag
 * on the background for a rubber band; right or middle drag to pan; wheel or pinch to zoom; double-click
 * the background to search for an op. Views only bind and call the model.
 */
public final class GraphCanvas extends Region {
    static final double MIN_ZOOM = 0.2;
    static final double MAX_ZOOM = 4;
    /** Fitting shows every box at most at 150 %. */
    public static final double MAX_FIT_ZOOM = 1.5;
    /** Up to this many boxes, edge labels are placed where no box covers them. */
    private static final int LABEL_CLEARANCE_LIMIT = 200;
    /** Above zero while many edges change at once: their labels are placed when the last change is done. */
    private int labelBatch;
    /** View pixels left around a fitted graph. */
    public static final double FIT_MARGIN = 40;
    /** The canvas font at text scale 100 % (the window's), which the stylesheet's em sizes multiply. */
    static final double BASE_FONT = 16;
    /**
     * Above this many boxes the graph is big: only the boxes in view are controls (styling one costs milliseconds),
     * the others are known by their place and measured look ({@link BoxSizes}).
     */
    static final int BIG_GRAPH = 250;
    /** A big graph whose text would be smaller than this on screen is drawn as one picture ({@link BoxOverview}). */
    static final double OVERVIEW_TEXT_PX = 8;
    /** How far out a big graph may be zoomed: far enough to see 100,000 boxes whole, even laid out in one row. */
    static final double MIN_OVERVIEW_ZOOM = 0.00005;
    /** Boxes this close (drawing units) outside the view are drawn too, so a small pan shows no gap. */
    private static final double VIEW_MARGIN = 120;

    private final EditorModel model;
    private final Pane content = new Pane();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    /**
     * Edge labels, over the curves and under the boxes: placed where boxes cover them least, and never over a box's
     * own numbers.
     */
    private final Group edgeLabelLayer = new Group();
    private final Group overlay = new Group();
    private final Viewport viewport = new Viewport(new Viewport.Limits(MIN_ZOOM, MAX_ZOOM, MAX_FIT_ZOOM, FIT_MARGIN), false);
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private final Map<Connection, EdgeView> edges = new LinkedHashMap<>();
    private final CubicCurve wire = new CubicCurve();
    private final Label verdict = new Label();
    private final Rectangle band = new Rectangle();
    private final Map<String, ConnectionVerdict> verdicts = new HashMap<>();
    private BiConsumer<Point2D, Point2D> searchRequest = (screen, at) -> { };
    private final BoxOverview overview = new BoxOverview();
    private final BoxSizes sizes = new BoxSizes(this::measure, () -> getScene() != null);
    private final javafx.beans.property.ReadOnlyIntegerWrapper boxesDrawn =
            new javafx.beans.property.ReadOnlyIntegerWrapper();
    private boolean big;
    private boolean viewUpdatePending;
    /**
     * Boxes are drawn at their document positions times this ({@link BoxSpread}): more than 1 while larger text has
     * grown them into each other, until a layout for their new size arrives. Saved positions never include it.
     */
    private double spread = 1;

    private PortView wireFrom;
    private PortView hovered;
    private Point2D dragStart;
    private Map<String, Point2D> dragOrigins = Map.of();
    private Point2D panStart;
    private boolean moved;

    public GraphCanvas(EditorModel model) {
        this.model = model;
        createView();
        initListeners();
        applyDisplay();
    }

    private void createView() {
        getStyleClass().add(CanvasStyles.CANVAS);
        setId("graph-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        viewport.attach(content);
        viewport.panBy(40, 40); // a new canvas shows its origin a little in from the corner
        content.setPickOnBounds(false);
        wire.getStyleClass().add(CanvasStyles.WIRE);
        wire.setVisible(false);
        wire.setMouseTransparent(true);
        verdict.getStyleClass().add(CanvasStyles.VERDICT);
        verdict.setId("connection-verdict");
        verdict.setVisible(false);
        verdict.setMouseTransparent(true);
        verdict.setWrapText(true);
        verdict.setMaxWidth(420);
        band.getStyleClass().add(CanvasStyles.RUBBER_BAND);
        band.setVisible(false);
        band.setMouseTransparent(true);
        overlay.getChildren().addAll(wire, band);
        overlay.setManaged(false);
        content.getChildren().addAll(edgeLayer, edgeLabelLayer, nodeLayer, overlay);
        verdict.setManaged(false);
        overview.setManaged(false);
        overview.setVisible(false);
        getChildren().addAll(overview, content, verdict); // the verdict stays unscaled and inside the visible area
        setFocusTraversable(true);
    }

    private boolean detailsShown = true;

    /**
     * Shows or hides each box's kind and shape lines (presentation mode hides them so the numbers can be larger);
     * the view refits.
     */
    public void setBoxDetailsShown(boolean shown) {
        detailsShown = shown;
        nodes.values().forEach(v -> v.setDetailsShown(shown));
        content.applyCss();
        content.layout();
        spreadBoxes();
        routeEdges(edges.values());
        refitIfFitting();
    }

    /** Grid numbers at the text scale, in the theme's colours. */
    private GridStyle gridStyle() {
        return GridStyle.of(GridStyle.BOX_FONT * model.display().fontScale(), model.display().theme())
                .withValuesShown(model.display().showsValues());
    }

    /**
     * The text scale applies to every text on the canvas: the stylesheet sizes them in em of the content's font
     * ({@value #BASE_FONT} px at 100 %), the grids from {@link #gridStyle()}.
     */
    private void applyDisplay() {
        content.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;",
                BASE_FONT * model.display().fontScale()));
        refresh(model.stateProperty().get());
        if (viewport.fitting()) {
            fit(); // in this pulse: the boxes just grew (and spread apart) and must not reach past the edge
        }
    }

    private void initListeners() {
        model.display().fontScaleProperty().addListener((obs, old, now) -> applyDisplay());
        model.display().themeProperty().addListener((obs, old, now) -> applyDisplay());
        model.display().valuesShownProperty().addListener((obs, old, now) -> applyDisplay());
        model.stateProperty().addListener((obs, old, now) -> refresh(now));
        model.loadsProperty().addListener((obs, old, now) -> fit());
        // refitted as it is laid out at its new size, in the same pulse (layoutChildren)
        widthProperty().addListener((obs, old, now) -> requestLayout());
        heightProperty().addListener((obs, old, now) -> requestLayout());
        model.selection().addListener((javafx.collections.ListChangeListener<String>) c -> showSelection());
        viewport.addChangeListener(this::viewMoved);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::backgroundPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::backgroundDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::backgroundReleased);
        addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, this::paletteDropped);
        setOnScroll(this::scrolled);
        setOnZoom(this::pinched);
    }

    /** Who shows the op search when the background is double-clicked: (screen point, document point). */
    /** The box of {@code name}, if drawn. */
    NodeView nodeView(String name) {
        return nodes.get(name);
    }

    /** The drawn edges, in document order. */
    Map<Connection, EdgeView> edgeViews() {
        return java.util.Collections.unmodifiableMap(edges);
    }

    private String lastAdded;

    /**
     * Adds {@code entry}'s box centred on {@code centre} (canvas units), measured beforehand as it will first be
     * drawn; while it stays the one box selected, the view pans to keep it whole as it grows (a shape arriving
     * with its first connection).
     */
    public void add(PaletteEntry entry, Point2D centre) {
        double[] size = measure(entry);
        lastAdded = entry.addTo(model, new Position(Math.round((centre.getX() - size[0] / 2) / spread),
                Math.round((centre.getY() - size[1] / 2) / spread)));
        keepLastAddedInView();
    }

    /** The size a new box of {@code entry} has when it lands: drawn once off screen, with the canvas's styles. */
    private double[] measure(PaletteEntry entry) {
        List<String> ports = entry.op() == null ? List.of() : entry.op().ports();
        List<Integer> shape = entry.role() == null ? null
                : entry.role() == org.gradviz.app.document.TensorRole.CONSTANT ? List.of() : List.of(3);
        String kind = entry.op() != null ? kindText(entry.op())
                : entry.role().name().toLowerCase(java.util.Locale.ROOT) + " · randn · requires_grad";
        // names of new boxes are short: x, w, add, matmul
        return measure(new BoxSizes.Look(1, ports, kind, shape,
                entry.role() == org.gradviz.app.document.TensorRole.PARAMETER, false, null, detailsShown, gridStyle()));
    }

    /** The size of a box of {@code look}: drawn once off screen, with the canvas's styles. */
    private double[] measure(BoxSizes.Look look) {
        NodeView probe = new NodeView("w".repeat(Math.max(1, look.nameLength())), look.ports());
        probe.setDetailsShown(look.details());
        int[] shape = look.gridShape() == null ? null : look.gridShape().stream().mapToInt(Integer::intValue).toArray();
        probe.show(look.kind(), new ElementState("w", shape, null, null, look.error(), look.gradGrid(), false, false,
                false, false), false, false, look.compact(), look.style());
        probe.setVisible(false);
        nodeLayer.getChildren().add(probe);
        try {
            probe.applyCss();
            probe.autosize();
            return new double[] {probe.getWidth(), probe.getHeight()};
        } finally {
            nodeLayer.getChildren().remove(probe);
        }
    }

    /** Pans, no more than needed, so the box just added is wholly on screen (nothing when it is not selected). */
    private void keepLastAddedInView() {
        NodeView view = lastAdded == null ? null : nodes.get(lastAdded);
        if (view == null || !(model.selection().size() == 1 && model.selection().contains(lastAdded))) {
            lastAdded = null;
            return;
        }
        Bounds box = sceneToLocal(view.localToScene(view.getBoundsInLocal()));
        double margin = 12;
        double dx = box.getMaxX() + margin > getWidth() ? getWidth() - margin - box.getMaxX() : 0;
        double dy = box.getMaxY() + margin > getHeight() ? getHeight() - margin - box.getMaxY() : 0;
        dx = box.getMinX() + dx < margin ? margin - box.getMinX() : dx;
        dy = box.getMinY() + dy < margin ? margin - box.getMinY() : dy;
        if (dx != 0 || dy != 0) {
            viewport.panBy(dx, dy);
        }
    }

    /** The node holding every box and edge, zoomed and panned by the view (to picture it whole). */
    public javafx.scene.Node drawing() {
        return content;
    }

    /** The layer drawn over boxes and edges (the wire, the rubber band, pulses). */
    Group overlay() {
        return overlay;
    }

    public void setOnSearchRequest(BiConsumer<Point2D, Point2D> request) {
        this.searchRequest = request;
    }

    // ----- drawing the state

    /**
     * Draws {@code state}. A big graph's boxes already drawn are brought up to date at once, and the boxes that come
     * into view are drawn a moment later ({@link #viewMoved}), once a document just opened has been fitted.
     */
    private void refresh(GraphState state) {
        big = state.elements().size() > BIG_GRAPH;
        viewport.setMinZoom(big ? MIN_OVERVIEW_ZOOM : MIN_ZOOM);
        draw(state, !big);
        if (big) {
            viewMoved();
        }
    }

    /** Draws {@code state}'s boxes in view; {@code comingIntoView}: also those not drawn yet. */
    private void draw(GraphState state, boolean comingIntoView) {
        draw(state, !big ? state.elements().keySet() : boxesInView(state, comingIntoView));
    }

    /** Draws the boxes {@code names} of {@code state} as controls, and the connections between them. */
    private void draw(GraphState state, Set<String> names) {
        GraphDocument doc = state.document();
        Set<NodeView> goneNodes = new HashSet<>();
        nodes.entrySet().removeIf(entry -> {
            String name = entry.getKey();
            return (!names.contains(name) || !portsMatch(entry.getValue(), doc, name)) && goneNodes.add(entry.getValue());
        });
        nodeLayer.getChildren().removeAll(goneNodes); // one pass, not one scan of the layer per box
        Set<String> selected = new HashSet<>(model.selection());
        for (TensorSource t : doc.tensors()) {
            if (names.contains(t.name())) {
                place(t.name(), List.of(), kindText(t), rolePseudoClass(t), state, doc, selected, false);
            }
        }
        for (OpNode n : doc.nodes()) {
            if (names.contains(n.name())) {
                place(n.name(), n.op().ports(), kindText(n), CanvasStyles.OP, state, doc, selected,
                        !n.showsValue());
            }
        }
        List<Connection> drawnEdges = big
                ? doc.edges().stream().filter(c -> names.contains(c.from()) && names.contains(c.to())).toList()
                : doc.edges();
        Set<Connection> kept = new HashSet<>(drawnEdges);
        Set<EdgeView> goneEdges = new HashSet<>();
        edges.entrySet().removeIf(entry -> !kept.contains(entry.getKey()) && goneEdges.add(entry.getValue()));
        edgeLayer.getChildren().removeAll(goneEdges);
        edgeLabelLayer.getChildren().removeAll(goneEdges.stream().map(EdgeView::labels).toList());
        for (Connection c : drawnEdges) {
            EdgeView view = edges.computeIfAbsent(c, this::newEdge);
            view.setShapeText(state.element(c.from()).flatMap(ElementState::shapeIfKnown).map(ShapeText::of).orElse(""));
        }
        verdicts.clear();
        content.applyCss();
        content.layout();
        spreadBoxes();
        routeEdges(edges.values());
        keepLastAddedInView();
        drawOverview(state);
        boxesDrawn.set(boxesDrawn.get() + 1);
    }

    // ----- big graphs: the boxes in view as controls, an overview picture from afar

    /**
     * Counts the times the boxes drawn as controls changed (a refresh, or a big graph's view moving over others):
     * what decorates boxes (the flow, gradcheck badges) decorates them again.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty boxesDrawnProperty() {
        return boxesDrawn.getReadOnlyProperty();
    }

    /**
     * How a picture of the whole network is taken from a big graph's view, which draws only what is in sight: tile by
     * tile, each tile's boxes drawn first, then back to the view.
     */
    public org.gradviz.app.export.DrawingSource.Parts pictureParts() {
        return new org.gradviz.app.export.DrawingSource.Parts() {
            @Override
            public Bounds whole() {
                return big ? union(allBoxBounds().values()) : content.getBoundsInLocal();
            }

            @Override
            public void drawArea(Bounds area) {
                if (big) {
                    GraphState state = model.stateProperty().get();
                    Set<String> names = boxesIn(state, area);
                    names.addAll(boxesInView(state)); // the view's boxes stay between tiles: nothing flickers
                    draw(state, names);
                }
            }

            @Override
            public void drawView() {
                if (big) {
                    draw(model.stateProperty().get(), boxesInView(model.stateProperty().get()));
                }
            }
        };
    }

    /** Whether the graph is big and so far away that it is drawn as one picture ({@link BoxOverview}). */
    public boolean showsOverview() {
        return big && viewport.zoom() * BASE_FONT * model.display().fontScale() < OVERVIEW_TEXT_PX;
    }

    /** How many boxes lie wholly inside the view, drawn either way. */
    public int boxesInSight() {
        Bounds view = viewport.visible(getWidth(), getHeight());
        return (int) allBoxBounds().values().stream().filter(view::contains).count();
    }

    /** The number of boxes drawn as controls. */
    public int boxControls() {
        return nodes.size();
    }

    /** A big graph's view moved: the boxes coming into view become controls (once per pulse), the picture follows. */
    private void viewMoved() {
        if (!big || viewUpdatePending) {
            return;
        }
        viewUpdatePending = true;
        javafx.application.Platform.runLater(() -> {
            viewUpdatePending = false;
            GraphState state = model.stateProperty().get();
            if (!big) {
                return;
            }
            Set<String> inView = boxesInView(state);
            if (!inView.equals(nodes.keySet())) {
                draw(state, inView); // the boxes just found, not looked for again
            } else {
                drawOverview(state);
            }
        });
    }

    /**
     * The boxes of a big graph to draw as controls: none from afar (the overview shows them), else those in view (and
     * a margin), and both ends of every connection that crosses the view, so no edge ends in the void.
     */
    private Set<String> boxesInView(GraphState state) {
        return boxesInView(state, true);
    }

    /** The boxes {@link #boxesInView(GraphState)}, only those already drawn unless {@code comingIntoView}. */
    private Set<String> boxesInView(GraphState state, boolean comingIntoView) {
        if (showsOverview() || getWidth() <= 0 || getHeight() <= 0) {
            return Set.of();
        }
        Set<String> in = boxesIn(state, viewport.visible(getWidth(), getHeight()));
        if (!comingIntoView) {
            in.retainAll(nodes.keySet());
        }
        return in;
    }

    /** The boxes in {@code area} (drawing units, with a margin) and both ends of every connection crossing it. */
    private Set<String> boxesIn(GraphState state, Bounds area) {
        Bounds view = new javafx.geometry.BoundingBox(area.getMinX() - VIEW_MARGIN, area.getMinY() - VIEW_MARGIN,
                area.getWidth() + 2 * VIEW_MARGIN, area.getHeight() + 2 * VIEW_MARGIN);
        Map<String, Bounds> boxes = boxBounds(state);
        Set<String> in = new java.util.LinkedHashSet<>();
        boxes.forEach((name, b) -> {
            if (view.intersects(b)) {
                in.add(name);
            }
        });
        for (Connection c : state.document().edges()) {
            Bounds from = boxes.get(c.from());
            Bounds to = boxes.get(c.to());
            if (from != null && to != null && !(in.contains(c.from()) && in.contains(c.to()))
                    && view.intersects(Math.min(from.getMinX(), to.getMinX()), Math.min(from.getMinY(), to.getMinY()),
                            Math.max(from.getMaxX(), to.getMaxX()) - Math.min(from.getMinX(), to.getMinX()),
                            Math.max(from.getMaxY(), to.getMaxY()) - Math.min(from.getMinY(), to.getMinY()))) {
                in.add(c.from());
                in.add(c.to());
            }
        }
        return in;
    }

    /**
     * Where every box is, in document order: a drawn box's own bounds, else its document position and the measured
     * size of its look.
     */
    private Map<String, Bounds> boxBounds(GraphState state) {
        GraphDocument doc = state.document();
        Map<String, Bounds> boxes = new LinkedHashMap<>();
        for (TensorSource t : doc.tensors()) {
            boxes.put(t.name(), boxBounds(t.name(), List.of(), kindText(t), false, state, doc));
        }
        for (OpNode n : doc.nodes()) {
            boxes.put(n.name(), boxBounds(n.name(), n.op().ports(), kindText(n), !n.showsValue(), state, doc));
        }
        return boxes;
    }

    private Bounds boxBounds(String name, List<String> ports, String kind, boolean compact, GraphState state,
            GraphDocument doc) {
        NodeView drawn = nodes.get(name);
        if (drawn != null && drawn.getWidth() > 0) {
            return drawn.getBoundsInParent();
        }
        ElementState element = state.element(name).orElseThrow();
        int[] shape = element.value() != null ? element.value().shape() : element.shape();
        double[] size = sizes.of(new BoxSizes.Look(name.codePointCount(0, name.length()), ports, kind,
                shape == null ? null : java.util.Arrays.stream(shape).boxed().toList(),
                element.grad() != null || element.gradExpected(), compact, element.error(), detailsShown,
                gridStyle()));
        Position p = doc.positions() == null ? null : doc.positions().get(name);
        return new javafx.geometry.BoundingBox(p == null ? 0 : p.x(), p == null ? 0 : p.y(), size[0], size[1]);
    }

    /** Draws a big graph seen from afar as one picture; hides the picture otherwise. */
    private void drawOverview(GraphState state) {
        boolean shown = showsOverview();
        overview.setVisible(shown);
        if (!shown) {
            overview.clear();
            return;
        }
        GraphDocument doc = state.document();
        Map<String, Bounds> boxes = boxBounds(state);
        Set<String> selected = new HashSet<>(model.selection());
        List<BoxOverview.Box> pictured = new java.util.ArrayList<>(boxes.size());
        for (TensorSource t : doc.tensors()) {
            pictured.add(pictured(t.name(), t.role() == org.gradviz.app.document.TensorRole.PARAMETER
                    ? BoxOverview.Role.PARAMETER : BoxOverview.Role.INPUT, boxes, selected, state));
        }
        for (OpNode n : doc.nodes()) {
            pictured.add(pictured(n.name(), n.name().equals(doc.output()) ? BoxOverview.Role.OUTPUT
                    : BoxOverview.Role.OP, boxes, selected, state));
        }
        List<BoxOverview.Wire> wires = new java.util.ArrayList<>(doc.edges().size());
        for (Connection c : doc.edges()) {
            Bounds from = boxes.get(c.from());
            Bounds to = boxes.get(c.to());
            if (from != null && to != null) {
                wires.add(new BoxOverview.Wire(new Point2D(from.getMaxX(), from.getCenterY()),
                        new Point2D(to.getMinX(), to.getCenterY())));
            }
        }
        overview.draw(pictured, wires, viewport.zoom(), viewport.pan(), model.display().theme());
    }

    private BoxOverview.Box pictured(String name, BoxOverview.Role role, Map<String, Bounds> boxes,
            Set<String> selected, GraphState state) {
        return new BoxOverview.Box(boxes.get(name), role, selected.contains(name),
                state.element(name).map(e -> e.error() != null).orElse(false), active.contains(name));
    }

    private Set<String> active = Set.of();

    /** The boxes the player's step is at: lit in the overview (as controls, the flow lights them itself). */
    void showActive(Set<String> names) {
        if (!names.equals(active)) {
            active = Set.copyOf(names);
            if (showsOverview()) {
                drawOverview(model.stateProperty().get());
            }
        }
    }

    /** The box under {@code at} (drawing units), from the big graph's overview. */
    private java.util.Optional<String> boxAt(Point2D at) {
        return boxBounds(model.stateProperty().get()).entrySet().stream().filter(e -> e.getValue().contains(at))
                .map(Map.Entry::getKey).reduce((first, later) -> later); // the one drawn on top
    }

    /** Zooms to 100 % centred on {@code name}'s box (from a big graph's overview, to read and edit it). */
    public void zoomToBox(String name) {
        Bounds b = boxBounds(model.stateProperty().get()).get(name);
        if (b == null) {
            return;
        }
        Point2D centre = content.localToParent(b.getCenterX(), b.getCenterY());
        viewport.zoomAt(1 / viewport.zoom(), centre.getX(), centre.getY());
        viewport.panBy(getWidth() / 2 - centre.getX(), getHeight() / 2 - centre.getY());
    }

    private void place(String name, List<String> ports, String kind, javafx.css.PseudoClass role, GraphState state,
            GraphDocument doc, Set<String> selected, boolean compact) {
        NodeView view = nodes.computeIfAbsent(name, n -> newNode(n, ports));
        view.pseudoClassStateChanged(role, true);
        Position p = doc.positions() == null ? null : doc.positions().get(name);
        if (p != null) {
            view.relocate(p.x() * spread, p.y() * spread);
        }
        view.show(kind, state.element(name).orElseThrow(), selected.contains(name),
                name.equals(doc.output()), compact, gridStyle());
    }

    private static boolean portsMatch(NodeView view, GraphDocument doc, String name) {
        List<String> ports = doc.node(name).map(n -> n.op().ports()).orElse(List.of());
        int count = 0;
        for (PortView p : view.inputs()) {
            if (!ports.contains(p.port())) {
                return false;
            }
            count++;
        }
        return count == ports.size();
    }

    private static javafx.css.PseudoClass rolePseudoClass(TensorSource t) {
        return switch (t.role()) {
            case PARAMETER -> CanvasStyles.PARAMETER;
            case INPUT -> CanvasStyles.INPUT;
            case CONSTANT -> CanvasStyles.CONSTANT;
        };
    }

    /** An op box's kind line: {@code matmul  *}. */
    private static String kindText(org.gradviz.app.document.OpKind op) {
        return op.id() + "  " + op.symbol();
    }

    /** A node's kind line; view's and reshape's sizes follow as the call takes them: {@code view  view(1, -1)}. */
    private static String kindText(OpNode n) {
        String kind = kindText(n.op());
        return n.shape() == null ? kind : kind + n.shape().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static String kindText(TensorSource t) {
        String init = t.init() == null ? "" : t.init().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return t.role().name().toLowerCase(java.util.Locale.ROOT) + " · " + init
                + (t.isIntegral() ? " · int64" : "") + (t.requiresGrad() ? " · requires_grad" : "");
    }

    private NodeView newNode(String name, List<String> ports) {
        NodeView view = new NodeView(name, ports);
        view.setDetailsShown(detailsShown);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> nodePressed(view, e));
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> nodeDragged(e));
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> nodeReleased(e));
        view.output().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> wireStarted(view.output(), e));
        view.output().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::wireDragged);
        view.output().addEventHandler(MouseEvent.MOUSE_RELEASED, this::wireReleased);
        // the menu is made when asked for: a popup window per box would cost more than the box (3,000 of them)
        view.setOnContextMenuRequested(e -> {
            new ContextMenu(
                    item("Backward from here", () -> model.setOutput(name)),
                    item("Detach", () -> {
                        model.selectOnly(name);
                        model.detachSelected();
                    }),
                    item("Delete", () -> {
                        model.selectOnly(name);
                        model.deleteSelection();
                    })).show(view, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        nodeLayer.getChildren().add(view);
        return view;
    }

    private EdgeView newEdge(Connection c) {
        EdgeView view = new EdgeView(c, this::labelsChanged);
        view.setOnContextMenuRequested(e -> {
            new ContextMenu(item("Disconnect " + c.from() + " → " + c.to() + "." + c.port(), () -> model.disconnect(c)))
                    .show(view, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        edgeLayer.getChildren().add(view);
        edgeLabelLayer.getChildren().add(view.labels());
        return view;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * An edge's way or text changed: in a big graph its labels go to its middle, looking at nothing (looking would
     * cost more than it gives); else every edge's labels are placed again, unless a batch of changes is under way.
     */
    private void labelsChanged(EdgeView edge) {
        if (nodes.size() > LABEL_CLEARANCE_LIMIT) {
            edge.placeAtMiddle();
        } else if (labelBatch == 0) {
            placeEdgeLabels();
        }
    }

    /**
     * Places every edge's labels where they cover no box, no other label and no edge, within the boxes' extent
     * (which a fitted view shows): first the gradient travelling at this step (the step's callout, which the class
     * reads), then every other gradient, which the animation is about, then the shapes.
     */
    private void placeEdgeLabels() {
        if (edges.isEmpty()) {
            return;
        }
        List<double[]> boxes = new java.util.ArrayList<>();
        nodes.values().forEach(v -> boxes.add(corners(v.getBoundsInParent())));
        double[] area = corners(nodeLayer.getBoundsInParent());
        List<org.gradviz.app.editor.EdgeRoute> routes = edges.values().stream().map(EdgeView::route).toList();
        java.util.function.Supplier<org.gradviz.app.editor.LabelRoom> empty = () ->
                new org.gradviz.app.editor.LabelRoom(area, boxes, routes, org.gradviz.app.editor.LabelRoom.LINE_CLEARANCE);
        // the gradient travelling at this step first: its label is the step's callout, the one the class reads;
        // then the other gradients, in an order where as many as may be find a place: those left without go first
        // next
        List<EdgeView> current = edges.values().stream().filter(EdgeView::carriesCurrentGradient).toList();
        List<EdgeView> order = edges.values().stream()
                .filter(e -> e.carriesGradient() && !e.carriesCurrentGradient()).toList();
        List<EdgeView> best = order;
        int fewestLeft = Integer.MAX_VALUE;
        for (int attempt = 0; attempt <= order.size(); attempt++) {
            org.gradviz.app.editor.LabelRoom trial = empty.get();
            current.forEach(e -> e.placeFlow(trial));
            order.forEach(e -> e.placeFlow(trial));
            List<EdgeView> left = order.stream().filter(e -> !e.flowShown()).toList();
            if (left.size() < fewestLeft) {
                fewestLeft = left.size();
                best = order;
            }
            List<EdgeView> next = new java.util.ArrayList<>(left);
            order.stream().filter(e -> !left.contains(e)).forEach(next::add);
            if (left.isEmpty() || next.equals(order)) {
                break;
            }
            order = next;
        }
        org.gradviz.app.editor.LabelRoom room = empty.get();
        current.forEach(e -> e.placeFlow(room));
        best.forEach(e -> e.placeFlow(room));
        edges.values().stream().filter(e -> !e.carriesGradient()).forEach(e -> e.placeFlow(room));
        edges.values().forEach(e -> e.placeShape(room));
    }

    /**
     * Draws the boxes apart by the {@link BoxSpread} factor their sizes now ask for (1 when none overlaps at its
     * document position); a big graph's boxes stay where the document has them.
     */
    private void spreadBoxes() {
        if (big) {
            if (spread != 1) {
                nodes.values().forEach(v -> v.relocate(v.getLayoutX() / spread, v.getLayoutY() / spread));
                spread = 1;
            }
            return;
        }
        List<BoxSpread.Box> boxes = new java.util.ArrayList<>(nodes.size());
        for (NodeView v : nodes.values()) {
            boxes.add(new BoxSpread.Box(v.getLayoutX() / spread, v.getLayoutY() / spread, v.getWidth(), v.getHeight()));
        }
        double factor = BoxSpread.factor(boxes,
                2 * org.gradviz.app.editor.EdgeRoute.RUN_OUT * model.display().fontScale());
        if (factor != spread) {
            int i = 0;
            for (NodeView v : nodes.values()) {
                BoxSpread.Box b = boxes.get(i++);
                v.relocate(b.x() * factor, b.y() * factor);
            }
            spread = factor;
        }
    }

    /** The factor by which boxes are drawn apart from their document positions ({@link BoxSpread}). */
    public double spread() {
        return spread;
    }

    private static double[] corners(Bounds b) {
        return new double[] {b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()};
    }

    /**
     * Lays the boxes out again after a change of style that may have changed their size (the animation's ring
     * around the active box) and runs the edges from where their ports are now; not in a big graph.
     */
    void rerouteAfterRestyle() {
        if (nodes.size() <= LABEL_CLEARANCE_LIMIT) {
            content.applyCss();
            content.layout();
            routeEdges(edges.values());
        }
    }

    /**
     * Runs {@code change} (which may change many edges' ways or texts) and then places the labels once, instead of
     * once per edge.
     */
    void withLabelsPlacedOnce(Runnable change) {
        labelBatch++;
        try {
            change.run();
        } finally {
            labelBatch--;
        }
        if (labelBatch == 0 && nodes.size() <= LABEL_CLEARANCE_LIMIT) {
            placeEdgeLabels();
        }
    }

    private void routeEdges(Iterable<EdgeView> which) {
        withLabelsPlacedOnce(() -> routeEach(which));
    }

    private void routeEach(Iterable<EdgeView> which) {
        for (EdgeView edge : which) {
            NodeView from = nodes.get(edge.connection().from());
            NodeView to = nodes.get(edge.connection().to());
            if (from != null && to != null && to.input(edge.connection().port()) != null) {
                edge.route(from.output().centerIn(content), to.input(edge.connection().port()).centerIn(content),
                        from.getBoundsInParent(), to.getBoundsInParent(),
                        org.gradviz.app.editor.EdgeRoute.RUN_OUT * model.display().fontScale());
            }
        }
    }

    private void showSelection() {
        Set<String> selected = new HashSet<>(model.selection());
        for (NodeView view : nodes.values()) {
            view.pseudoClassStateChanged(CanvasStyles.SELECTED, selected.contains(view.name()));
        }
        if (big) {
            drawOverview(model.stateProperty().get());
        }
    }

    // ----- moving boxes

    private void nodePressed(NodeView view, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        if (e.isShortcutDown() || e.isShiftDown()) {
            model.toggleSelected(view.name());
        } else if (!model.selection().contains(view.name())) {
            model.selectOnly(view.name());
        }
        dragStart = toContent(e);
        moved = false;
        Map<String, Point2D> origins = new LinkedHashMap<>();
        for (String name : model.selection()) {
            NodeView v = nodes.get(name);
            if (v != null) {
                origins.put(name, new Point2D(v.getLayoutX(), v.getLayoutY()));
            }
        }
        dragOrigins = origins;
        e.consume();
    }

    private void nodeDragged(MouseEvent e) {
        if (dragStart == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D delta = toContent(e).subtract(dragStart);
        moved = moved || delta.magnitude() > 0;
        dragOrigins.forEach((name, origin) -> nodes.get(name).relocate(origin.getX() + delta.getX(),
                origin.getY() + delta.getY()));
        routeEdges(edgesTouching(dragOrigins.keySet()));
        e.consume();
    }

    private void nodeReleased(MouseEvent e) {
        if (dragStart != null && moved) {
            Map<String, Position> places = new LinkedHashMap<>();
            dragOrigins.keySet().forEach(name -> places.put(name,
                    new Position(nodes.get(name).getLayoutX() / spread, nodes.get(name).getLayoutY() / spread)));
            model.moveTo(places);
        }
        dragStart = null;
        dragOrigins = Map.of();
        e.consume();
    }

    private List<EdgeView> edgesTouching(Set<String> names) {
        return edges.values().stream()
                .filter(v -> names.contains(v.connection().from()) || names.contains(v.connection().to()))
                .toList();
    }

    // ----- connecting

    private void wireStarted(PortView from, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        wireFrom = from;
        Point2D start = from.centerIn(content);
        Curves.shape(wire, start, start);
        wire.setVisible(true);
        e.consume();
    }

    private void wireDragged(MouseEvent e) {
        if (wireFrom == null) {
            return;
        }
        Point2D at = toContent(e);
        Curves.shape(wire, wireFrom.centerIn(content), at);
        PortView over = inputPortAt(at);
        if (over != hovered) {
            clearHover();
            hovered = over;
        }
        if (hovered != null) {
            ConnectionVerdict v = verdicts.computeIfAbsent(wireFrom.element() + ">" + hovered.element() + "."
                    + hovered.port(), k -> model.checkConnection(wireFrom.element(), hovered.element(), hovered.port()));
            hovered.pseudoClassStateChanged(CanvasStyles.ALLOWED, v.allowed());
            hovered.pseudoClassStateChanged(CanvasStyles.FORBIDDEN, !v.allowed());
            verdict.setText(v.allowed() ? "✓ " + wireFrom.element() + " → " + hovered.element() + "." + hovered.port()
                    : "✗ " + v.reason());
            verdict.pseudoClassStateChanged(CanvasStyles.FORBIDDEN, !v.allowed());
            verdict.autosize();
            Point2D mouse = sceneToLocal(e.getSceneX(), e.getSceneY());
            verdict.relocate(Math.max(4, Math.min(mouse.getX() + 16, getWidth() - verdict.getWidth() - 4)),
                    Math.max(4, Math.min(mouse.getY() + 16, getHeight() - verdict.getHeight() - 4)));
            verdict.setVisible(true);
        }
        e.consume();
    }

    private void wireReleased(MouseEvent e) {
        if (wireFrom == null) {
            return;
        }
        PortView target = hovered;
        String from = wireFrom.element();
        clearHover();
        wireFrom = null;
        wire.setVisible(false);
        if (target != null) {
            model.connect(from, target.element(), target.port());
        }
        e.consume();
    }

    private void clearHover() {
        if (hovered != null) {
            hovered.pseudoClassStateChanged(CanvasStyles.ALLOWED, false);
            hovered.pseudoClassStateChanged(CanvasStyles.FORBIDDEN, false);
        }
        hovered = null;
        verdict.setVisible(false);
    }

    /** The input port within reach of {@code at} (content coordinates), if any. */
    private PortView inputPortAt(Point2D at) {
        double reach = PortView.RADIUS * 2.5;
        for (NodeView view : nodes.values()) {
            for (PortView port : view.inputs()) {
                if (port.centerIn(content).distance(at) <= reach) {
                    return port;
                }
            }
        }
        return null;
    }

    // ----- background: rubber band, pan, search

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        java.util.Optional<String> pictured = e.getButton() == MouseButton.PRIMARY && showsOverview()
                ? boxAt(toContent(e)) : java.util.Optional.empty();
        if (pictured.isPresent()) {
            // from afar a click selects a box (Shift or the shortcut key: adds it) and a double click zooms to it
            if (e.getClickCount() == 2) {
                zoomToBox(pictured.get());
            } else if (e.isShortcutDown() || e.isShiftDown()) {
                model.toggleSelected(pictured.get());
            } else {
                model.selectOnly(pictured.get());
            }
        } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            searchRequest.accept(new Point2D(e.getScreenX(), e.getScreenY()), toContent(e));
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (!e.isShortcutDown() && !e.isShiftDown()) {
                model.selection().clear();
            }
            dragStart = toContent(e);
            band.setX(dragStart.getX());
            band.setY(dragStart.getY());
            band.setWidth(0);
            band.setHeight(0);
            band.setVisible(true);
        } else {
            panStart = new Point2D(e.getX(), e.getY());
        }
    }

    private void backgroundDragged(MouseEvent e) {
        if (panStart != null) {
            viewport.panBy(e.getX() - panStart.getX(), e.getY() - panStart.getY());
            panStart = new Point2D(e.getX(), e.getY());
        } else if (band.isVisible()) {
            Point2D at = toContent(e);
            band.setX(Math.min(at.getX(), dragStart.getX()));
            band.setY(Math.min(at.getY(), dragStart.getY()));
            band.setWidth(Math.abs(at.getX() - dragStart.getX()));
            band.setHeight(Math.abs(at.getY() - dragStart.getY()));
        }
    }

    private void backgroundReleased(MouseEvent e) {
        if (band.isVisible()) {
            band.setVisible(false);
            Bounds area = band.getBoundsInParent();
            List<String> inside = allBoxBounds().entrySet().stream()
                    .filter(b -> area.getWidth() > 2 && area.intersects(b.getValue()))
                    .map(Map.Entry::getKey).toList();
            for (String name : inside) {
                if (!model.selection().contains(name)) {
                    model.selection().add(name);
                }
            }
        }
        panStart = null;
        dragStart = null;
    }

    private void paletteDropped(MouseDragEvent e) {
        if (e.getGestureSource() instanceof javafx.scene.Node source
                && source.getUserData() instanceof PaletteEntry entry) {
            add(entry, toContent(e));
            e.consume();
        }
    }

    // ----- zoom and pan

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.exp(e.getDeltaY() * 0.002), e.getX(), e.getY());
        }
        e.consume();
    }

    private void pinched(ZoomEvent e) {
        zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    /** Zooms by {@code factor} keeping the point under ({@code x}, {@code y}) in place. */
    public void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
    }

    public void zoomIn() {
        zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(0.8, getWidth() / 2, getHeight() / 2);
    }

    /**
     * Shows every box, centred, at most at 150 %, and keeps doing so as the canvas is resized (the window
     * reaching its full size, a panel hidden) until the user zooms or pans.
     */
    public void fit() {
        fittedWidth = getWidth();
        fittedHeight = getHeight();
        // the edges too: a wrapped edge runs out beside its boxes
        Bounds b = big ? union(allBoxBounds().values())
                : nodes.isEmpty() ? new javafx.geometry.BoundingBox(0, 0, 0, 0)
                : edges.isEmpty() ? nodeLayer.getBoundsInParent()
                : union(List.of(nodeLayer.getBoundsInParent(), edgeLayer.getBoundsInParent()));
        viewport.fit(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), getWidth(), getHeight());
    }

    /** The view's size at the last {@link #fit}: a fitting view fits again when laid out at another size. */
    private double fittedWidth = -1;
    private double fittedHeight = -1;

    /** Leaves {@code margin} view pixels around the graph when fitting it (presentation mode: very few); refits. */
    public void setFitMargin(double margin) {
        viewport.setFitMargin(margin);
        refitIfFitting();
    }

    private void refitIfFitting() {
        if (viewport.fitting()) {
            // after this layout pass, when the boxes have their sizes too
            javafx.application.Platform.runLater(() -> {
                if (viewport.fitting()) {
                    fit();
                }
            });
        }
    }

    /** Each box's width and height in editor units, for a tidy layout. */
    public Map<String, double[]> boxSizes() {
        Map<String, double[]> sizes = new LinkedHashMap<>();
        allBoxBounds().forEach((name, b) -> sizes.put(name, new double[] {b.getWidth(), b.getHeight()}));
        return sizes;
    }

    /** Every box's bounds (drawing units), drawn or not. */
    private Map<String, Bounds> allBoxBounds() {
        if (!big) {
            Map<String, Bounds> drawn = new LinkedHashMap<>();
            nodes.forEach((name, v) -> drawn.put(name, v.getBoundsInParent()));
            return drawn;
        }
        return boxBounds(model.stateProperty().get());
    }

    private static Bounds union(java.util.Collection<Bounds> boxes) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Bounds b : boxes) {
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return boxes.isEmpty() ? new javafx.geometry.BoundingBox(0, 0, 0, 0)
                : new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Whether any two boxes overlap, as in a document laid out without knowing box sizes. Boxes are swept left to
     * right, so a tidy document costs about n log n.
     */
    public boolean boxesOverlap() {
        List<javafx.geometry.Bounds> boxes = allBoxBounds().values().stream()
                .map(b -> (Bounds) new javafx.geometry.BoundingBox(b.getMinX() / spread, b.getMinY() / spread,
                        b.getWidth(), b.getHeight()))
                .sorted(java.util.Comparator.comparingDouble(javafx.geometry.Bounds::getMinX)).toList();
        for (int i = 0; i < boxes.size(); i++) {
            javafx.geometry.Bounds a = boxes.get(i);
            for (int j = i + 1; j < boxes.size() && boxes.get(j).getMinX() < a.getMaxX(); j++) {
                if (a.intersects(boxes.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    public double zoomFactor() {
        return viewport.zoom();
    }

    /** The document point under the centre of the visible area (where keyboard-added boxes go). */
    public Point2D visibleCentre() {
        return content.sceneToLocal(localToScene(getWidth() / 2, getHeight() / 2));
    }

    private Point2D toContent(MouseEvent e) {
        return content.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    @Override
    protected void layoutChildren() {
        // boxes keep their document positions; only CSS sizes them
        content.resize(0, 0);
        for (NodeView v : nodes.values()) {
            v.autosize();
        }
        if (overview.getWidth() != getWidth() || overview.getHeight() != getHeight()) {
            overview.setWidth(getWidth());
            overview.setHeight(getHeight());
            if (big) {
                drawOverview(model.stateProperty().get());
            }
        }
        if (viewport.fitting() && (getWidth() != fittedWidth || getHeight() != fittedHeight)) {
            fit(); // resized (a panel hidden, presentation's lens band): fitted before this pulse draws
        }
    }
}
