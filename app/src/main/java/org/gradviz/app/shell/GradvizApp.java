package org.gradviz.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.files.FilesSetup;
import org.gradviz.app.files.ScriptCellImporter;

/**
 * The JavaFX application: one main window, on the document (.json) or cell (.py) named by the first
 * parameter, if any. Started through {@code org.gradviz.app.cli.FxWindowLauncher}.
 */
public final class GradvizApp extends Application {

    @Override
    public void start(Stage stage) {
        UiFont.load();
        Optional<Path> document = getParameters().getUnnamed().stream().findFirst().map(Path::of);
        EditorModel model = new EditorModel();
        MainWindowView view = MainWindow.install(stage, model, new GeneratedCode());
        FilesSetup files = FilesSetup.install(stage, model, new ScriptCellImporter());
        view.addLeadingMenu(files.menu());
        new WindowPlacement(Preferences.userNodeForPackage(GradvizApp.class).node("main-window")).remember(stage);
        new DisplayMemory(Preferences.userNodeForPackage(GradvizApp.class).node("display")).remember(model.display());
        if (LaunchProbe.enabled()) {
            LaunchProbe.arm(stage, System.err);
        }
        stage.show();
        document.ifPresent(files.actions()::open);
        Platform.runLater(view.canvas()::fit);
    }
}
