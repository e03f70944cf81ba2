package org.gradviz.app.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Opens the main window on a document, or on none, and returns when the window closes. */
@FunctionalInterface
public interface WindowLauncher {

    /** @throws WindowUnavailableException when there is nowhere to show a window */
    void open(Optional<Path> document);
}
