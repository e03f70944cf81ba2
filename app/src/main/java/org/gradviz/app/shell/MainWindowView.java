package org.gradviz.app.shell;

import javafx.scene.layout.BorderPane;

/** The main window's layout: tool bar on top, canvas area in the middle, status bar below. */
public final class MainWindowView extends BorderPane {

    private final MainWindowModel model;

    public MainWindowView(MainWindowModel model) {
        this.model = model;
        createView();
    }

    private void createView() {
        getStyleClass().add(StyleClasses.MAIN_WINDOW);
        setTop(new MainToolBar());
        setCenter(new CanvasArea(model));
        setBottom(new StatusBar(model));
    }
}
