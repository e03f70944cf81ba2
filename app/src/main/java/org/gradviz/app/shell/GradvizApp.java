package org.gradviz.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: one main window on the document named by the first
 * parameter, if any. Started through {@code org.gradviz.app.cli.FxWindowLauncher}.
 */
public final class GradvizApp extends Application {

    @Override
    public void start(Stage stage) {
        UiFont.load();
        Optional<Path> document = getParameters().getUnnamed().stream().findFirst().map(Path::of);
        MainWindow.install(stage, new MainWindowModel(document));
        new WindowPlacement(Preferences.userNodeForPackage(GradvizApp.class).node("main-window")).remember(stage);
        if (LaunchProbe.enabled()) {
            LaunchProbe.arm(stage, System.err);
        }
        stage.show();
    }
}
