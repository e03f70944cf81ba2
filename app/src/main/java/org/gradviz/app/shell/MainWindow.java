package org.gradviz.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphState;

/** Puts the main window onto a stage: entry stylesheet, view (with its theme), keys, title. */
public final class MainWindow {

    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    static final double MIN_WIDTH = 800;
    static final double MIN_HEIGHT = 500;

    private MainWindow() {
    }

    /** Fills {@code stage}; the caller decides when to show it. Returns the view. */
    public static MainWindowView install(Stage stage, EditorModel model,
            java.util.function.Function<GraphState, String> codeWriter, Menu... leadingMenus) {
        MainWindowView view = new MainWindowView(model, codeWriter, leadingMenus);
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Assets.ENTRY_STYLESHEET);
        LectureKeys.install(scene, model.display(), view.lecture()); // first: the key that unblanks does nothing else
        org.gradviz.app.animation.view.PlayerKeys.install(scene, model.player());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        return view;
    }
}
