package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropHandlerTest {
    @TempDir
    Path dir;

    private File file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "x").toFile();
    }

    @Test
    void aJsonDocumentOrAPyCellIsAccepted() throws IOException {
        assertEquals(Optional.of(dir.resolve("net.json")), FileDropHandler.openable(List.of(file("net.json"))));
        assertEquals(Optional.of(dir.resolve("cell.PY")), FileDropHandler.openable(List.of(file("cell.PY"))));
    }

    @Test
    void otherFilesAreRefused() throws IOException {
        assertEquals(Optional.empty(), FileDropHandler.openable(List.of(file("notes.txt"))));
        assertEquals(Optional.empty(), FileDropHandler.openable(List.of(file("net.json.bak"))));
    }

    @Test
    void aFolderNamedLikeADocumentIsRefused() throws IOException {
        File folder = Files.createDirectory(dir.resolve("folder.json")).toFile();

        assertEquals(Optional.empty(), FileDropHandler.openable(List.of(folder)));
    }

    @Test
    void severalFilesAtOnceAreRefused() throws IOException {
        assertEquals(Optional.empty(), FileDropHandler.openable(List.of(file("a.json"), file("b.json"))));
    }
}
