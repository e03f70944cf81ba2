package org.gradviz.app.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the main window: which document is shown, and the texts derived from it.
 * Knows nothing of the view; the view binds to the read-only properties.
 */
public final class MainWindowModel {

    static final String APP_NAME = "gradviz";
    static final String UNTITLED = "untitled";

    private final ReadOnlyObjectWrapper<Path> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper canvasHint = new ReadOnlyStringWrapper(this, "canvasHint");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");

    public MainWindowModel(Optional<Path> document) {
        this.document.set(document.orElse(null));
        updateTexts();
        this.document.addListener((obs, old, now) -> updateTexts());
    }

    /** Shows another document (or none). Loading and drawing arrive with the document format. */
    public void show(Optional<Path> next) {
        document.set(next.orElse(null));
    }

    private void updateTexts() {
        Path shown = document.get();
        if (shown == null) {
            title.set(APP_NAME + " — " + UNTITLED);
            canvasHint.set("No graph yet.\nOpen a .json document or a .py cell:  gradviz open FILE");
            status.set("No document");
        } else {
            String name = displayName(shown);
            title.set(APP_NAME + " — " + name);
            canvasHint.set("The graph of " + name + " will be drawn here.");
            status.set(shown.toAbsolutePath().normalize().toString());
        }
    }

    private static String displayName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public ReadOnlyObjectProperty<Path> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty canvasHintProperty() {
        return canvasHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
