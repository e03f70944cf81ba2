package org.gradviz.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import org.gradviz.app.shell.GradvizApp;

/**
 * Starts JavaFX on {@link GradvizApp}. The jar's main class ({@link Main}) is a plain class on
 * purpose: when the main class of a non-modular fat jar extends {@link Application}, the java
 * launcher refuses to start with "JavaFX runtime components are missing". Launching from here,
 * after the command line is parsed, avoids that check.
 */
final class FxWindowLauncher implements WindowLauncher {

    @Override
    public void open(Optional<Path> document) {
        DisplayCheck.ofThisMachine().problem().ifPresent(problem -> {
            throw new WindowUnavailableException(problem);
        });
        String[] args = document.map(path -> new String[] {path.toString()}).orElse(new String[0]);
        Application.launch(GradvizApp.class, args);
    }
}
