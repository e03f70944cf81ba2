package org.gradviz.app.editor.panels;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.converter.DoubleStringConverter;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.icons.Icons;

/**
 * The run commands with their keys, the learning rate, Train with its step count (Stop while it runs), and
 * the retain-graph and no-grad toggles. While Train runs, the other run commands wait.
 */
public final class EditorToolBar extends ToolBar {
    public static final String STYLE = "editor-tool-bar";

    public EditorToolBar(EditorModel model, Runnable undo, Runnable redo, Runnable trainOrStop) {
        getStyleClass().add(STYLE);
        Label brand = new Label("gradviz");
        brand.getStyleClass().add("brand");
        TextField lr = new TextField();
        lr.setId("learning-rate");
        lr.setPrefColumnCount(5);
        // a click still focuses it; but focus leaving a hidden view must not land here, where the player's keys
        // (Space, arrows) would be typed into the number
        lr.setFocusTraversable(false);
        TextFormatter<Double> number = new TextFormatter<>(new DoubleStringConverter(), model.learningRateProperty().get());
        lr.setTextFormatter(number);
        number.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now >= 0) {
                model.learningRateProperty().set(now);
            }
        });
        lr.setTooltip(new Tooltip("Learning rate of Step (torch.optim.SGD lr)"));
        ToggleButton retain = new ToggleButton("retain_graph");
        retain.setId("toggle-retain-graph");
        retain.setMnemonicParsing(false);
        retain.selectedProperty().bindBidirectional(model.retainGraphProperty());
        retain.setTooltip(new Tooltip("Backward keeps the saved tensors, so it can run again (Ctrl+Shift+R)"));
        markWhenOn(retain, "retain_graph");
        ToggleButton noGrad = new ToggleButton("no_grad");
        noGrad.setId("toggle-no-grad");
        noGrad.setMnemonicParsing(false);
        noGrad.selectedProperty().bindBidirectional(model.noGradProperty());
        noGrad.setTooltip(new Tooltip("Forward under torch.no_grad(): no graph is recorded (Ctrl+Shift+N)"));
        markWhenOn(noGrad, "no_grad");
        Button train = button("Train", Icons.TRAIN, "train", "Train: the steps of zero_grad, forward, backward, "
                + "SGD step (Ctrl+T); while it runs, Stop (Esc)", trainOrStop);
        train.textProperty().bind(javafx.beans.binding.Bindings.when(model.trainingProperty())
                .then("Stop").otherwise("Train"));
        TextField steps = new TextField();
        steps.setId("training-steps");
        steps.setPrefColumnCount(5);
        steps.setFocusTraversable(false);
        TextFormatter<Integer> count = new TextFormatter<>(new javafx.util.converter.IntegerStringConverter(),
                model.trainingStepsProperty().get());
        steps.setTextFormatter(count);
        count.valueProperty().addListener((obs, old, now) -> {
            if (now != null) { // Train says why when the count is out of range
                model.trainingStepsProperty().set(now);
            }
        });
        steps.setTooltip(new Tooltip("How many steps Train runs"));
        steps.disableProperty().bind(model.trainingProperty());
        Button undoButton = button("Undo", Icons.UNDO, "undo", "Undo (Ctrl+Z)", undo);
        undoButton.disableProperty().bind(model.history().canUndoProperty().not().or(model.trainingProperty()));
        Button redoButton = button("Redo", Icons.REDO, "redo", "Redo (Ctrl+Shift+Z)", redo);
        redoButton.disableProperty().bind(model.history().canRedoProperty().not().or(model.trainingProperty()));
        List<Button> runs = List.of(
                button("Forward", Icons.FORWARD, "forward", "Run the graph forward (F5)", model::forward),
                button("Backward", Icons.BACKWARD, "backward", "loss.backward() (F6)", model::backward),
                button("Step", Icons.STEP, "step", "SGD step with the learning rate (F7)", model::step),
                button("Zero grads", Icons.ZERO_GRAD, "zero-grads", "optimizer.zero_grad() (F8)", model::zeroGrads),
                button("Reset", Icons.RESET, "reset", "Make every tensor again from its initialiser (Ctrl+R)", model::reset));
        Button detach = button("Detach", Icons.DETACH, "detach", "Cut the selected tensor from the graph (Ctrl+D)",
                model::detachSelected);
        runs.forEach(b -> b.disableProperty().bind(model.trainingProperty()));
        detach.disableProperty().bind(model.trainingProperty());
        getItems().addAll(brand, undoButton, redoButton, new Separator());
        getItems().addAll(runs);
        getItems().addAll(new Label("lr"), lr, train, steps, new Label("steps"), new Separator(), retain, noGrad, detach);
    }

    /** A toggle that is on says so in words ("✓ retain_graph") as well as in its solid fill: never colour alone. */
    private static void markWhenOn(ToggleButton toggle, String name) {
        toggle.textProperty().bind(javafx.beans.binding.Bindings.when(toggle.selectedProperty())
                .then("✓ " + name).otherwise(name));
        toggle.getStyleClass().add("run-toggle");
    }

    private static Button button(String text, Icons icon, String id, String tip, Runnable action) {
        Button button = new Button(text, icon.create());
        button.setId("run-" + id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }
}
