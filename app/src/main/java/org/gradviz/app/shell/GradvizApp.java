package org.gradviz.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.bridge.DocumentFiles;
import org.gradviz.app.bridge.ScriptImportException;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.editor.EditorModel;

/**
 * The JavaFX application: one main window on the document named by the first
 * parameter, if any. Started through {@code org.gradviz.app.cli.FxWindowLauncher}.
 */
public final class GradvizApp extends Application {

    @Override
    public void start(Stage stage) {
        Optional<Path> document = getParameters().getUnnamed().stream().findFirst().map(Path::of);
        EditorModel model = new EditorModel();
        document.ifPresent(path -> {
            try {
                GraphDocument opened = DocumentFiles.read(path);
                model.load(opened, path.toString().endsWith(".py") ? null : path);
            } catch (DocumentException e) {
                model.reportProblem(path + ": " + e.getMessage());
            } catch (ScriptImportException e) {
                model.reportProblem(e.getMessage());
            }
        });
        MainWindowView view = MainWindow.install(stage, model, new GeneratedCode());
        new WindowPlacement(Preferences.userNodeForPackage(GradvizApp.class).node("main-window")).remember(stage);
        stage.show();
        view.canvas().fit();
    }
}
