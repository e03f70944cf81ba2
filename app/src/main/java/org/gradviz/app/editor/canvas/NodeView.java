package org.gradviz.app.editor.canvas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gradviz.app.document.ShapeText;
import org.gradviz.app.editor.ElementState;
import org.gradviz.app.animation.TensorValue;

/**
 * One box of the network on the canvas: its name and kind, input ports on the left (named as PyTorch
 * names the arguments), the output port on the right, its shape, and after a run its value and gradient
 * as heat-mapped grids ({@code data | grad}). A failed op turns red and shows the engine's message.
 */
final class NodeView extends BorderPane {

    private final String name;
    private final Map<String, PortView> inputs = new LinkedHashMap<>();
    private final PortView output;
    private final Label kind = new Label();
    private final Label shape = new Label();
    private final Label error = new Label();
    private final Label badge = new Label();
    private final List<Label> portNames = new java.util.ArrayList<>();
    private final VBox body;
    /** Space between the ports and the box's text, each side; less for a brief box. */
    private static final double BODY_MARGIN = 10;
    private static final double BRIEF_BODY_MARGIN = 4;
    private final javafx.scene.layout.Pane values = new javafx.scene.layout.Pane();
    private GridContent shownGrids;
    private TensorGrid dataGrid;
    private TensorGrid gradGrid;

    NodeView(String name, List<String> inputPorts) {
        this.name = name;
        this.output = new PortView(name, null);
        setId("node-" + name);
        getStyleClass().add(CanvasStyles.NODE);
        // drawn once into a bitmap and moved as one: dragging stays smooth with software rendering;
        // the default hint draws it again when zoomed, so text stays sharp
        setCache(true);
        Label title = new Label(name);
        title.getStyleClass().add(CanvasStyles.NODE_TITLE);
        kind.getStyleClass().add(CanvasStyles.NODE_KIND);
        shape.getStyleClass().add(CanvasStyles.NODE_SHAPE);
        error.getStyleClass().add(CanvasStyles.NODE_ERROR);
        error.setWrapText(true);
        error.setMaxWidth(320);
        error.setManaged(false);
        error.setVisible(false);
        badge.getStyleClass().add(CanvasStyles.GRADCHECK);
        badge.setVisible(false);
        badge.setManaged(false);
        body = new VBox(4, new HBox(10, title, badge), kind, shape, values, error);
        body.setAlignment(Pos.TOP_LEFT);
        setCenter(body);
        BorderPane.setMargin(body, new javafx.geometry.Insets(0, BODY_MARGIN, 0, BODY_MARGIN));
        VBox ports = new VBox(6);
        ports.getStyleClass().add(CanvasStyles.PORTS);
        ports.setAlignment(Pos.CENTER_LEFT);
        for (String port : inputPorts) {
            PortView view = new PortView(name, port);
            inputs.put(port, view);
            Label label = new Label(port);
            label.getStyleClass().add(CanvasStyles.PORT_LABEL);
            portNames.add(label);
            HBox row = new HBox(4, view, label);
            row.setAlignment(Pos.CENTER_LEFT);
            ports.getChildren().add(row);
        }
        setLeft(ports);
        BorderPane.setAlignment(ports, Pos.CENTER_LEFT);
        setRight(output);
        BorderPane.setAlignment(output, Pos.CENTER_RIGHT);
    }

    String name() {
        return name;
    }

    /**
     * Shows or hides the kind and shape lines ({@code parameter · randn · requires_grad}, {@code (5, 3)}) and the
     * inputs' names beside their ports: presenting, a box is its name, its op and its numbers, as large as the screen
     * allows (edges still carry the shapes; an op's inputs keep their order, top to bottom), with less padding.
     */
    void setDetailsShown(boolean shown) {
        java.util.List<Label> details = new java.util.ArrayList<>(portNames);
        details.add(kind);
        details.add(shape);
        double margin = shown ? BODY_MARGIN : BRIEF_BODY_MARGIN;
        BorderPane.setMargin(body, new javafx.geometry.Insets(0, margin, 0, margin));
        pseudoClassStateChanged(CanvasStyles.BRIEF, !shown);
        for (Label detail : details) {
            detail.setVisible(shown);
            detail.setManaged(shown);
        }
    }

    /**
     * The gradcheck badge beside the name: {@code gradcheck ✓} or {@code gradcheck ✗} (a mark and a word, never
     * colour alone) with the numbers on hover; null hides it.
     */
    void setGradCheck(Boolean passed, String numbers) {
        badge.setVisible(passed != null);
        badge.setManaged(passed != null);
        if (passed != null) {
            badge.setText(passed ? "gradcheck ✓" : "gradcheck ✗");
            badge.pseudoClassStateChanged(CanvasStyles.FAILED, !passed);
            // the boxes are drawn again four times a second while Train runs: a tooltip (a popup window) is made only
            // when its numbers change
            if (badge.getTooltip() == null) {
                badge.setTooltip(new javafx.scene.control.Tooltip(numbers));
            } else if (!badge.getTooltip().getText().equals(numbers)) {
                badge.getTooltip().setText(numbers);
            }
        }
    }

    /** The badge's text, empty when hidden. */
    String gradCheckText() {
        return badge.isVisible() ? badge.getText() : "";
    }

    PortView output() {
        return output;
    }

    PortView input(String port) {
        return inputs.get(port);
    }

    Iterable<PortView> inputs() {
        return inputs.values();
    }

    /**
     * Shows the element's state. A {@code compact} box (an op whose value the document hides, like the
     * {@code xw} in {@code z = x·w + b}) shows its name and shape only; the inspector still has its tensors.
     */
    void show(String kindText, ElementState state, boolean selected, boolean isOutput, boolean compact,
            GridStyle style) {
        kind.setText(kindText);
        shape.setText(state.shapeIfKnown().map(s -> ShapeText.of(s)).orElse("shape ?"));
        String message = state.errorIfFailed().orElse(null);
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
        GridContent content = compact ? null : GridContent.of(state, style);
        if (!java.util.Objects.equals(content, shownGrids)) { // redrawing grids is the slow part of a step
            if (content != null && content.sameCells(shownGrids) && dataGrid != null) {
                fill(dataGrid, state.value(), state.valueHidden(), style); // new numbers only (Train, a step):
                if (gradGrid != null) {                                    // no new nodes, no CSS, no layout
                    fill(gradGrid, state.grad(), state.gradHidden(), style);
                }
            } else {
                List<Node> grids = compact ? List.of() : grids(state, style);
                values.getChildren().setAll(grids);
                values.setManaged(!grids.isEmpty());
            }
            shownGrids = content;
        }
        pseudoClassStateChanged(CanvasStyles.FAILED, message != null);
        pseudoClassStateChanged(CanvasStyles.SELECTED, selected);
        pseudoClassStateChanged(CanvasStyles.OUTPUT, isOutput);
    }

    /**
     * The value and, below it, the gradient; for a scalar they sit side by side, micrograd's
     * {@code data | grad}. Before a run, empty grids of the same size keep the box as big as it will be, so
     * a layout made before running still fits after.
     */
    private List<Node> grids(ElementState state, GridStyle style) {
        dataGrid = null;
        gradGrid = null;
        int[] shape = shapeShown(state);
        if (shape == null) {
            return List.of();
        }
        dataGrid = grid(state.value(), state.valueHidden(), shape, style);
        VBox data = captioned("data", dataGrid, state.valueStale() && !state.valueHidden());
        if (state.grad() == null && !state.gradExpected()) {
            return List.of(data);
        }
        gradGrid = grid(state.grad(), state.gradHidden(), shape, style);
        VBox grad = captioned("grad", gradGrid, state.gradStale() && !state.gradHidden());
        javafx.scene.layout.Pane pair = shape.length == 0 ? new HBox(8, data, grad) : new VBox(6, data, grad);
        return List.of(pair);
    }

    /** The shape the grids have: the value's when there is one, else the shape known before running. */
    private static int[] shapeShown(ElementState state) {
        return state.value() != null ? state.value().shape() : state.shape();
    }

    /**
     * What the grids of a box show; equal contents need no redrawing, and contents with the same cells
     * ({@link #sameCells}) only new numbers.
     */
    private record GridContent(List<Integer> shape, TensorValue value, TensorValue grad, boolean gradExpected,
            boolean valueStale, boolean gradStale, boolean valueHidden, boolean gradHidden, GridStyle style) {
        static GridContent of(ElementState state, GridStyle style) {
            int[] shape = shapeShown(state);
            return new GridContent(shape == null ? null : java.util.Arrays.stream(shape).boxed().toList(), state.value(),
                    state.grad(), state.gradExpected(), state.valueStale(), state.gradStale(), state.valueHidden(),
                    state.gradHidden(), style);
        }

        /** Whether {@code other} has the same grids, captions and colours, whatever numbers fill them. */
        boolean sameCells(GridContent other) {
            return other != null && shape != null && shape.equals(other.shape) && style.equals(other.style)
                    && gradExpected == other.gradExpected && (grad != null) == (other.grad != null)
                    && valueStale == other.valueStale && gradStale == other.gradStale
                    && valueHidden == other.valueHidden && gradHidden == other.gradHidden;
        }
    }

    private static TensorGrid grid(TensorValue tensor, boolean hidden, int[] shape, GridStyle style) {
        TensorGrid grid = TensorGrid.placeholder(tensor != null ? tensor.shape() : shape, style);
        fill(grid, tensor, hidden, style);
        return grid;
    }

    /** What a grid shows: nothing (values off, or none yet), {@code ?} (reveal), or the numbers. */
    private static void fill(TensorGrid grid, TensorValue tensor, boolean hidden, GridStyle style) {
        if (!style.valuesShown() || tensor == null) {
            grid.showText("");
        } else if (hidden) {
            grid.showHidden();
        } else {
            grid.showValues(tensor);
        }
    }

    /** A grid under its caption; a stale one is greyed and its caption says so (never colour alone). */
    private static VBox captioned(String caption, TensorGrid grid, boolean stale) {
        Label label = new Label(stale ? caption + " (stale)" : caption);
        label.getStyleClass().add(CanvasStyles.GRID_CAPTION);
        VBox box = new VBox(2, label, grid);
        box.getStyleClass().add(CanvasStyles.GRID_BOX);
        box.pseudoClassStateChanged(CanvasStyles.STALE, stale);
        return box;
    }
}
