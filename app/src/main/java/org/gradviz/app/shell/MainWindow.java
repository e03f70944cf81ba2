package org.gradviz.app.shell;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the main window onto a stage: theme, entry stylesheet, view, title. */
public final class MainWindow {

    static final double DEFAULT_WIDTH = 1100;
    static final double DEFAULT_HEIGHT = 720;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    private MainWindow() {
    }

    /** Fills {@code stage}; the caller decides when to show it. Returns the view. */
    public static MainWindowView install(Stage stage, MainWindowModel model) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainWindowView view = new MainWindowView(model);
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Assets.ENTRY_STYLESHEET);
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        return view;
    }
}
