package org.gradviz.app.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** One line at the bottom of the window: what is open. */
final class StatusBar extends HBox {

    private final Label message = new Label();

    StatusBar(MainWindowModel model) {
        getStyleClass().add(StyleClasses.STATUS_BAR);
        message.setId(StyleClasses.STATUS_MESSAGE);
        message.textProperty().bind(model.statusProperty());
        getChildren().add(message);
    }
}
