package org.gradviz.app.files;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.gradviz.app.document.GraphDocument;

/**
 * "Paste PyTorch Cell": a monospace text area for the cell and an Import button. The cell runs off the FX
 * thread with a spinner, and Cancel stops the run (the dialog and the pasted text stay); Cancel again closes
 * the dialog. A refused cell keeps the dialog open with the problems listed by line; only a cell that imports
 * whole closes it with its network.
 */
public final class PasteCellDialog extends Dialog<GraphDocument> {
    public static final String STYLE_CLASS = "paste-cell-dialog";
    public static final String SOURCE_ID = "paste-cell-source";
    public static final String PROBLEMS_ID = "paste-cell-problems";
    public static final String STATUS_ID = "paste-cell-status";
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private final PasteCellModel model;
    private TextArea source;

    public PasteCellDialog(PasteCellModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setTitle("Paste PyTorch Cell");
        setHeaderText("Paste a notebook cell that builds a network with torch; gradviz shows what it builds.");
        setResizable(true);
        getDialogPane().getStyleClass().add(STYLE_CLASS);

        source = new TextArea();
        source.setId(SOURCE_ID);
        source.getStyleClass().add("cell-source");
        source.setPrefColumnCount(72);
        source.setPrefRowCount(18);
        source.textProperty().bindBidirectional(model.sourceProperty());
        source.editableProperty().bind(model.runningProperty().not());
        VBox.setVgrow(source, Priority.ALWAYS);

        Node status = ImportProgressDialog.progressRow(model.runningProperty(), model.statusProperty());
        status.setId(STATUS_ID);

        Label heading = new Label("This cell cannot be imported; nothing was changed:");
        heading.getStyleClass().add("problems-heading");
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("cell-problems");
        problems.setPrefHeight(120);
        heading.visibleProperty().bind(model.refusedProperty());
        heading.managedProperty().bind(model.refusedProperty());
        problems.visibleProperty().bind(model.refusedProperty());
        problems.managedProperty().bind(model.refusedProperty());

        getDialogPane().setContent(new VBox(8, source, status, heading, problems));
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        getDialogPane().lookupButton(IMPORT).disableProperty().bind(model.runningProperty());
        setOnShown(e -> source.requestFocus());
    }

    private void initListeners() {
        getDialogPane().lookupButton(IMPORT).addEventFilter(ActionEvent.ACTION, event -> {
            // the dialog stays open while the cell runs; a cell that imports closes it with its network
            event.consume();
            model.startImport(document -> {
                setResult(document);
                close();
            });
        });
        setResultConverter(button -> null);
        // Cancel, Escape and the window's close button stop a running cell first, and keep the pasted text
        setOnCloseRequest(event -> {
            if (model.runningProperty().get()) {
                model.cancel();
                event.consume();
            }
        });
    }

    public PasteCellModel model() {
        return model;
    }
}
