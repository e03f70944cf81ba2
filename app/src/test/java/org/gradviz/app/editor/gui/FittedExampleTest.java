package org.gradviz.app.editor.gui;

import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.shell.MainWindowView;

/**
 * A test of the seed example's window, opened at a given size and fitted before each test: the subclass's own
 * {@code @Start} method calls {@link #open} (TestFX looks for {@code @Start} on the test class itself).
 */
abstract class FittedExampleTest {
    protected Stage stage;
    protected MainWindowView view;
    protected EditorModel model;
    private final int width;
    private final int height;

    FittedExampleTest(int width, int height) {
        this.width = width;
        this.height = height;
    }

    void open(Stage stage) {
        this.stage = stage;
        ExampleWindow window = ExampleWindow.openFitted(stage, "one-layer-bce.json", width, height);
        this.view = window.view();
        this.model = window.model();
    }
}
