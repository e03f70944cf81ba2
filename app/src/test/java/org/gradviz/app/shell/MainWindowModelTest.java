package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainWindowModelTest {

    @Test
    void titleSaysUntitledWithoutADocument() {
        MainWindowModel model = new MainWindowModel(Optional.empty());

        assertEquals("gradviz — untitled", model.titleProperty().get());
        assertNull(model.documentProperty().get());
        assertEquals("No document", model.statusProperty().get());
    }

    @Test
    void titleNamesTheDocumentFileOnly() {
        MainWindowModel model = new MainWindowModel(Optional.of(Path.of("examples", "one-layer-bce.json")));

        assertEquals("gradviz — one-layer-bce.json", model.titleProperty().get());
        assertTrue(model.canvasHintProperty().get().contains("one-layer-bce.json"));
    }

    @Test
    void statusShowsTheAbsolutePath() {
        Path document = Path.of("examples", "one-layer-bce.json");
        MainWindowModel model = new MainWindowModel(Optional.of(document));

        assertEquals(document.toAbsolutePath().normalize().toString(), model.statusProperty().get());
    }

    @Test
    void showingAnotherDocumentUpdatesTitleAndHint() {
        MainWindowModel model = new MainWindowModel(Optional.empty());

        model.show(Optional.of(Path.of("cell.py")));

        assertEquals("gradviz — cell.py", model.titleProperty().get());
        assertTrue(model.canvasHintProperty().get().contains("cell.py"));
    }
}
