package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentWriterTest {
    @TempDir
    Path dir;

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        GraphDocument d = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        Path file = dir.resolve("net.json");
        Files.writeString(file, "old");
        new DocumentWriter().save(d, file);
        assertEquals(d, new DocumentReader().read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void writesTheFormatVersionFirstAndLogicalNames() {
        GraphDocument d = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        String json = new DocumentWriter().toJson(d);
        assertTrue(json.startsWith("{\n  \"formatVersion\" : 1,"), json);
        assertTrue(json.contains("\"op\" : \"binary_cross_entropy_with_logits\""), json);
        assertTrue(json.contains("\"kind\" : \"randn\""), json);
        assertTrue(!json.contains("org.gradviz"), "no Java class names");
    }
}
