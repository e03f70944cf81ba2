package org.gradviz.app.editor.gui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;

/** Test helper: the main window on a stage of a given size, showing a document; call from {@code @Start}. */
record ExampleWindow(EditorModel model, MainWindowView view) {

    /** The example {@code examples/NAME}, opened as from its file. */
    static ExampleWindow open(Stage stage, String name, double width, double height) {
        Path file = Examples.file(name);
        return show(stage, new EditorModel(new DocumentReader().read(file), file), width, height);
    }

    /** The example, fitted to the network view as opening its file does. */
    static ExampleWindow openFitted(Stage stage, String name, double width, double height) {
        ExampleWindow window = open(stage, name, width, height);
        window.view().canvas().fit();
        return window;
    }

    static ExampleWindow show(Stage stage, EditorModel model, double width, double height) {
        MainWindowView view = MainWindow.install(stage, model, new GeneratedCode());
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return new ExampleWindow(model, view);
    }
}
