package org.gradviz.app.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Where the graph will be drawn; for now a hint centred in the area. */
final class CanvasArea extends StackPane {

    private final MainWindowModel model;
    private final Label hint = new Label();

    CanvasArea(MainWindowModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(StyleClasses.CANVAS_AREA);
        hint.getStyleClass().add(StyleClasses.CANVAS_HINT);
        hint.setId(StyleClasses.CANVAS_HINT);
        hint.setWrapText(true);
        getChildren().add(hint);
    }

    private void initListeners() {
        hint.textProperty().bind(model.canvasHintProperty());
        pseudoClassStateChanged(StyleClasses.EMPTY, model.documentProperty().get() == null);
        model.documentProperty().addListener(
            (obs, old, now) -> pseudoClassStateChanged(StyleClasses.EMPTY, now == null));
    }
}
