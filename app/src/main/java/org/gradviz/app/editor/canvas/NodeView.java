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
import org.gradviz.engine.Tensor;

/**
 * One box of the network on the canvas: its name and kind, input ports on the left (named as PyTorch
 * names the arguments), the output port on the right, its shape, and after a run its value and gradient
 * as heat-mapped grids ({@code data | grad}). A failed op turns red and shows the engine's message.
 */
final class NodeView extends BorderPane {
    static final double GRID_FONT = 13;

    private final String name;
    private final Map<String, PortView> inputs = new LinkedHashMap<>();
    private final PortView output;
    private final Label kind = new Label();
    private final Label shape = new Label();
    private final Label error = new Label();
    private final HBox values = new HBox(8);

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
        HBox header = new HBox(8, title, kind);
        header.setAlignment(Pos.BASELINE_LEFT);
        VBox body = new VBox(4, header, shape, values, error);
        body.setAlignment(Pos.TOP_LEFT);
        setCenter(body);
        BorderPane.setMargin(body, new javafx.geometry.Insets(0, 10, 0, 10));
        VBox ports = new VBox(6);
        ports.setAlignment(Pos.CENTER_LEFT);
        for (String port : inputPorts) {
            PortView view = new PortView(name, port);
            inputs.put(port, view);
            Label label = new Label(port);
            label.getStyleClass().add(CanvasStyles.PORT_LABEL);
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

    PortView output() {
        return output;
    }

    PortView input(String port) {
        return inputs.get(port);
    }

    Iterable<PortView> inputs() {
        return inputs.values();
    }

    void show(String kindText, ElementState state, boolean selected, boolean isOutput) {
        kind.setText(kindText);
        shape.setText(state.shapeIfKnown().map(s -> ShapeText.of(s)).orElse("shape ?"));
        String message = state.errorIfFailed().orElse(null);
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
        error.setManaged(message != null);
        values.getChildren().setAll(grids(state));
        pseudoClassStateChanged(CanvasStyles.FAILED, message != null);
        pseudoClassStateChanged(CanvasStyles.SELECTED, selected);
        pseudoClassStateChanged(CanvasStyles.OUTPUT, isOutput);
    }

    private static List<Node> grids(ElementState state) {
        Tensor value = state.value();
        if (value == null) {
            return List.of();
        }
        Tensor grad = state.grad();
        VBox data = captioned("data", value);
        return grad == null ? List.of(data) : List.of(data, captioned("grad", grad));
    }

    private static VBox captioned(String caption, Tensor tensor) {
        Label label = new Label(caption);
        label.getStyleClass().add(CanvasStyles.GRID_CAPTION);
        return new VBox(2, label, new TensorGrid(tensor, GRID_FONT));
    }
}
