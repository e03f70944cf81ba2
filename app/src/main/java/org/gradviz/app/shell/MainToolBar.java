package org.gradviz.app.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** Placeholder tool bar: the commands are shown but stay disabled until their features land. */
final class MainToolBar extends ToolBar {

    MainToolBar() {
        getStyleClass().add(StyleClasses.TOOL_BAR);
        Label brand = new Label(MainWindowModel.APP_NAME);
        brand.getStyleClass().add(StyleClasses.BRAND);
        getItems().addAll(brand, placeholder("Open…"), placeholder("Forward"), placeholder("Backward"));
    }

    private static Button placeholder(String text) {
        Button button = new Button(text);
        button.setDisable(true);
        button.setTooltip(new Tooltip("Not available yet"));
        return button;
    }
}
