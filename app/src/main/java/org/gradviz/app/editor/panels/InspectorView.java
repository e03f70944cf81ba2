package org.gradviz.app.editor.panels;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.ElementState;
import org.gradviz.app.editor.GraphState;
import org.gradviz.app.editor.canvas.GridStyle;
import org.gradviz.app.editor.canvas.TensorGrid;
import org.gradviz.app.animation.TensorValue;

/**
 * Settings of the one selected element, each change one undoable edit: for a source its name, shape
 * (sizes changed with the mouse or typed), dtype, initialiser and requires_grad; for an op its name and
 * attributes. Below, the full value and gradient as {@code tensor([…])} text and a heat-mapped table.
 */
public final class InspectorView extends ScrollPane {
    public static final String STYLE = "inspector";

    private static final double INSPECTOR_GRID_FONT = 14;
    private final EditorModel model;
    private final VBox box = new VBox(10);

    public InspectorView(EditorModel model) {
        this.model = model;
        getStyleClass().add(STYLE);
        setId("inspector");
        setFitToWidth(true);
        setContent(box);
        setPrefWidth(360);
        model.stateProperty().addListener((obs, old, now) -> rebuild());
        model.display().themeProperty().addListener((obs, old, now) -> rebuild());
        model.selection().addListener((ListChangeListener<String>) c -> rebuild());
        rebuild();
    }

    /**
     * Shows the selected element's form again. The control that had the focus (the name field after Enter, "+ dim")
     * has it again in the new form, so a rename or a click never sends the keyboard elsewhere.
     */
    private void rebuild() {
        GraphState state = model.stateProperty().get();
        if (model.selection().size() == 1 && !state.document().tensor(model.selection().get(0)).isPresent()
                && !state.document().node(model.selection().get(0)).isPresent()) {
            return; // a rename: the selection has the new name before the document does; the document follows
        }
        String focused = focusedControlId();
        fill(state);
        Node again = focused == null ? null : box.lookup("#" + focused);
        if (again != null) {
            again.requestFocus();
        }
    }

    /** The id of the control in this inspector that has the keyboard focus (a spinner's for its text), or null. */
    private String focusedControlId() {
        String id = null;
        for (Node n = getScene() == null ? null : getScene().getFocusOwner(); n != null; n = n.getParent()) {
            if (n == box) {
                return id;
            }
            if (id == null) {
                id = n.getId();
            }
        }
        return null;
    }

    private void fill(GraphState state) {
        box.getChildren().clear();
        if (model.selection().size() != 1) {
            box.getChildren().add(hint(model.selection().isEmpty()
                    ? "Select a box to see and change its settings.\n\nDrag from the palette to add one; drag "
                    + "from a box's right port to another's input to connect."
                    : model.selection().size() + " boxes selected"));
            return;
        }
        String name = model.selection().get(0);
        GraphDocument doc = state.document();
        doc.tensor(name).ifPresent(t -> box.getChildren().add(tensorForm(t)));
        doc.node(name).ifPresent(n -> box.getChildren().add(nodeForm(n)));
        state.element(name).ifPresent(e -> box.getChildren().addAll(values(e)));
    }

    // ----- sources

    private Node tensorForm(TensorSource t) {
        Form form = new Form();
        form.row("name", textField("inspector-name", t.name(), v -> update(t, with(t, v, t.shape(), t.dtype(),
                t.requiresGrad(), t.init()))));
        form.row("role", new Label(t.role().name().toLowerCase(java.util.Locale.ROOT)));
        form.row("shape", shapeEditor(t));
        ComboBox<String> dtype = combo("inspector-dtype", List.of("float32", "float64", "int64"), t.dtypeOrDefault(),
                v -> update(t, v.equals("int64") ? t.asInt64()
                        : with(t, t.name(), t.shape(), v.equals("float32") ? null : v, t.requiresGrad(), t.init())));
        form.row("dtype", dtype);
        ComboBox<String> init = combo("inspector-init", List.of("ones", "zeros", "eye", "randn", "full", "values"),
                InitNames.of(t.init()), v -> update(t, with(t, t.name(), t.shape(), t.dtype(), t.requiresGrad(),
                        InitNames.create(v, t))));
        form.row("init", init);
        if (t.init() instanceof Initializer.Full f) {
            form.row("value", textField("inspector-full", element(t, f.value()), v -> number(v).ifPresent(
                    x -> update(t, with(t, t.name(), t.shape(), t.dtype(), t.requiresGrad(), new Initializer.Full(x))))));
        }
        if (t.init() instanceof Initializer.Randn) {
            GraphDocument doc = model.document();
            form.row("seed", textField("inspector-seed", String.valueOf(doc.seed() == null ? 0 : doc.seed()),
                    v -> number(v).ifPresent(x -> model.setSeed((long) x))));
        }
        if (t.init() instanceof Initializer.Values v) {
            form.row("values", valuesTable(t, v));
        }
        CheckBox grad = new CheckBox("requires_grad");
        grad.setId("inspector-requires-grad");
        grad.setMnemonicParsing(false);
        grad.setSelected(t.requiresGrad());
        grad.setDisable(t.isIntegral()); // NOTE: only floating point tensors can require gradients
        grad.setOnAction(e -> update(t, with(t, t.name(), t.shape(), t.dtype(), grad.isSelected(), t.init())));
        form.row("", grad);
        return form;
    }

    /** One spinner per size (arrows or typing), and buttons to add or drop a dimension. */
    private Node shapeEditor(TensorSource t) {
        HBox sizes = new HBox(4);
        for (int i = 0; i < t.shape().size(); i++) {
            int dim = i;
            Spinner<Integer> size = new Spinner<>(1, 4096, t.shape().get(i));
            size.setId("inspector-size-" + i);
            size.setEditable(true);
            size.setPrefWidth(88);
            size.valueProperty().addListener((obs, old, now) -> {
                List<Integer> shape = new ArrayList<>(t.shape());
                shape.set(dim, now);
                update(t, with(t, t.name(), shape, t.dtype(), t.requiresGrad(), t.init()));
            });
            sizes.getChildren().add(size);
        }
        Button add = new Button("+ dim");
        add.setId("inspector-add-dim");
        add.setOnAction(e -> {
            List<Integer> shape = new ArrayList<>(t.shape());
            shape.add(1);
            update(t, with(t, t.name(), shape, t.dtype(), t.requiresGrad(), t.init()));
        });
        Button drop = new Button("− dim");
        drop.setId("inspector-drop-dim");
        drop.setDisable(t.shape().isEmpty());
        drop.setOnAction(e -> update(t, with(t, t.name(), t.shape().subList(0, t.shape().size() - 1), t.dtype(),
                t.requiresGrad(), t.init())));
        FlowPane editor = new FlowPane(4, 4, sizes, add, drop);
        return editor;
    }

    private Node valuesTable(TensorSource t, Initializer.Values v) {
        GridPane grid = new GridPane();
        grid.setHgap(2);
        grid.setVgap(2);
        int columns = t.shape().isEmpty() ? 1 : t.shape().get(t.shape().size() - 1);
        for (int i = 0; i < v.data().size() && i < 64; i++) {
            int index = i;
            TextField cell = textField("inspector-value-" + i, element(t, v.data().get(i)), s -> number(s)
                    .ifPresent(x -> {
                        List<Double> data = new ArrayList<>(v.data());
                        data.set(index, x);
                        update(t, with(t, t.name(), t.shape(), t.dtype(), t.requiresGrad(), new Initializer.Values(data)));
                    }));
            cell.setPrefColumnCount(5);
            grid.add(cell, i % Math.max(1, columns), i / Math.max(1, columns));
        }
        return grid;
    }

    /** An element as the field shows it: {@code 3} in an int64 tensor, {@code 3.0} in a float one. */
    private static String element(TensorSource t, double v) {
        return t.isIntegral() ? Long.toString((long) v) : Double.toString(v);
    }

    private void update(TensorSource old, TensorSource next) {
        model.updateTensor(old.name(), next);
    }

    private static TensorSource with(TensorSource t, String name, List<Integer> shape, String dtype, boolean grad,
            Initializer init) {
        Initializer fitted = init instanceof Initializer.Values v ? InitNames.resized(v, shape) : init;
        return new TensorSource(name, t.role(), shape, dtype, grad, fitted);
    }

    // ----- ops

    private Node nodeForm(OpNode n) {
        Form form = new Form();
        form.row("name", textField("inspector-name", n.name(), v -> model.updateNode(n.name(), org.gradviz.app.editor.GraphEdits.renamed(n, v))));
        Label op = new Label(n.op().id() + "   " + n.op().symbol());
        op.setId("inspector-op");
        op.setWrapText(true);
        op.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.row("op", op);
        if (n.op().isLoss()) {
            form.row("reduction", combo("inspector-reduction", List.of("mean", "sum", "none"),
                    n.reduction() == null ? "mean" : n.reduction(),
                    v -> model.updateNode(n.name(), OpAttributes.withReduction(n, v))));
        }
        if (n.op().isReduction()) {
            form.row("dim", textField("inspector-dim", n.dim() == null ? "" : n.dim().toString(),
                    v -> model.updateNode(n.name(), OpAttributes.withDim(n, v.isBlank() ? null : (int) number(v).orElse(0)))));
        }
        if (n.op().takes(org.gradviz.app.document.OpAttribute.START_DIM)) {
            form.row("start_dim", textField("inspector-start-dim", text(n.startDim()), v -> model.updateNode(n.name(),
                    OpAttributes.withFlattenDims(n, wholeNumber(v), n.endDim()))));
            form.row("end_dim", textField("inspector-end-dim", text(n.endDim()), v -> model.updateNode(n.name(),
                    OpAttributes.withFlattenDims(n, n.startDim(), wholeNumber(v)))));
        }
        if (n.op().takes(org.gradviz.app.document.OpAttribute.SHAPE)) {
            // "1, -1", "[1, -1]" or "(1, -1)"; text that is no list of whole numbers leaves the node as it was
            form.row("shape", textField("inspector-shape", OpAttributes.shapeText(n), v -> OpAttributes.withShape(n, v)
                    .ifPresentOrElse(next -> model.updateNode(n.name(), next), this::rebuild)));
        }
        if (n.op().takes(org.gradviz.app.document.OpAttribute.MIN)) {
            form.row("min", textField("inspector-min", text(n.min()), v -> model.updateNode(n.name(),
                    OpAttributes.withBounds(n, number(v).orElse(Double.NaN), n.max()))));
            form.row("max", textField("inspector-max", text(n.max()), v -> model.updateNode(n.name(),
                    OpAttributes.withBounds(n, n.min(), number(v).orElse(Double.NaN)))));
        }
        if (n.op().takes(org.gradviz.app.document.OpAttribute.EXPONENT)) {
            form.row("exponent", textField("inspector-exponent", text(n.exponent()),
                    v -> model.updateNode(n.name(), OpAttributes.withExponent(n, number(v).orElse(Double.NaN)))));
        }
        if (n.op().takesScalar()) {
            form.row("other =", textField("inspector-scalar", text(n.scalar()),
                    v -> model.updateNode(n.name(), OpAttributes.withScalar(n, number(v).orElse(Double.NaN)))));
        }
        CheckBox shown = new CheckBox("show value on the canvas");
        shown.setId("inspector-show-value");
        shown.setSelected(n.showsValue());
        shown.setOnAction(e -> model.updateNode(n.name(), OpAttributes.withValueShown(n, shown.isSelected())));
        form.row("", shown);
        Button output = new Button("Backward from here");
        output.setId("inspector-output");
        output.setDisable(n.name().equals(model.document().output()));
        output.setOnAction(e -> model.setOutput(n.name()));
        form.row("", output);
        return form;
    }

    private static String text(Double d) {
        return d == null ? "" : d.toString();
    }

    private static String text(Integer i) {
        return i == null ? "" : i.toString();
    }

    /** A field's whole number, or null (the default) when it is empty or not one. */
    private static Integer wholeNumber(String v) {
        try {
            return v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ----- values

    private List<Node> values(ElementState e) {
        List<Node> nodes = new ArrayList<>();
        e.errorIfFailed().ifPresent(message -> {
            Label error = new Label(message);
            error.setId("inspector-error");
            error.getStyleClass().add("inspector-error");
            error.setWrapText(true);
            nodes.add(error);
        });
        e.valueIfComputed().ifPresent(v -> nodes.addAll(tensorText(e.name(), v, "inspector-value")));
        e.gradIfComputed().ifPresent(g -> nodes.addAll(tensorText(e.name() + ".grad", g, "inspector-grad")));
        return nodes;
    }

    private List<Node> tensorText(String caption, TensorValue tensor, String id) {
        Label title = new Label(caption);
        title.getStyleClass().add("inspector-caption");
        // a label that wraps, not a text area: the whole repr (requires_grad=True at its end too) is always in sight
        Label text = new Label(tensor.repr());
        text.setId(id);
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.getStyleClass().addAll("code", "inspector-tensor-text");
        return List.of(title, text, new TensorGrid(tensor, GridStyle.of(INSPECTOR_GRID_FONT, model.display().theme())));
    }

    // ----- small helpers

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("inspector-hint");
        return label;
    }

    private static TextField textField(String id, String value, Consumer<String> commit) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setOnAction(e -> commit.accept(field.getText().strip()));
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !field.getText().strip().equals(value)) {
                commit.accept(field.getText().strip());
            }
        });
        return field;
    }

    private static ComboBox<String> combo(String id, List<String> items, String value, Consumer<String> commit) {
        ComboBox<String> combo = new ComboBox<>();
        combo.setId(id);
        combo.getItems().setAll(items);
        combo.setValue(value);
        combo.setOnAction(e -> {
            if (combo.getValue() != null && !combo.getValue().equals(value)) {
                commit.accept(combo.getValue());
            }
        });
        return combo;
    }

    private static java.util.OptionalDouble number(String text) {
        try {
            return java.util.OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return java.util.OptionalDouble.empty();
        }
    }

    /** Label-and-control rows. */
    private static final class Form extends GridPane {
        private int rows;

        Form() {
            setHgap(8);
            setVgap(8);
            getStyleClass().add("inspector-form");
        }

        void row(String label, Node control) {
            Label l = new Label(label);
            l.getStyleClass().add("inspector-label");
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            add(l, 0, rows);
            add(control, 1, rows++);
        }
    }
}
