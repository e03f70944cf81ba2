package org.gradviz.app.editor.panels;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.gradviz.app.editor.ConsoleLine;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphState;

/**
 * The console: what Forward, Backward and the others did, in PyTorch's words (errors in red), and the
 * equivalent PyTorch code of the current graph, ready to copy, and the loss curve of Train.
 */
public final class ConsoleView extends TabPane {
    public static final String STYLE = "console";
    public static final String ERROR_LINE = "console-error";
    public static final String COMMAND_LINE = "console-command";

    private final EditorModel model;
    private final ListView<ConsoleLine> lines = new ListView<>();
    private final TextArea code = new TextArea();
    private final java.util.function.Function<GraphState, String> codeWriter;

    public ConsoleView(EditorModel model, java.util.function.Function<GraphState, String> codeWriter) {
        this.model = model;
        this.codeWriter = codeWriter;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(STYLE);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        lines.setId("console-lines");
        lines.setItems(model.console());
        lines.setCellFactory(v -> new LineCell());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> model.clearConsole());
        BorderPane log = new BorderPane(lines);
        log.setRight(clear);
        code.setId("console-code");
        code.setEditable(false);
        code.getStyleClass().add("code");
        Button copy = new Button("Copy code");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(code.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        BorderPane codePane = new BorderPane(code);
        codePane.setRight(new HBox(copy));
        Tab loss = new Tab("Loss", new LossChart(model.losses()));
        loss.setId("loss-tab");
        getTabs().addAll(new Tab("Console", log), new Tab("PyTorch code", codePane), loss);
        setPrefHeight(220);
    }

    private void initListeners() {
        model.console().addListener((ListChangeListener<ConsoleLine>) c -> {
            // after the list has taken the change, so the newest line is the one in view
            javafx.application.Platform.runLater(() -> lines.scrollTo(Math.max(0, lines.getItems().size() - 1)));
        });
        code.setText(codeWriter.apply(model.stateProperty().get()));
        model.stateProperty().addListener((obs, old, now) -> {
            if (old == null || !old.document().equals(now.document())) { // not at every step of the animation
                code.setText(codeWriter.apply(now));
            }
        });
    }

    private static final class LineCell extends ListCell<ConsoleLine> {
        @Override
        protected void updateItem(ConsoleLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(ERROR_LINE, COMMAND_LINE);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            if (line.kind() == ConsoleLine.Kind.ERROR) {
                getStyleClass().add(ERROR_LINE);
            } else if (line.kind() == ConsoleLine.Kind.COMMAND) {
                getStyleClass().add(COMMAND_LINE);
            }
        }
    }
}
