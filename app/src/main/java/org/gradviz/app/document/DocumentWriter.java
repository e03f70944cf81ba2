package org.gradviz.app.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes documents as stable, pretty-printed JSON; saving replaces the file atomically. */
public final class DocumentWriter {

    public String toJson(GraphDocument document) {
        try {
            return DocumentJson.WRITER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new DocumentException("cannot write the document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Saves {@code document} to {@code file}: written to a temporary file in the same folder, then moved
     * over {@code file} in one step, so a crash never leaves a half-written document.
     */
    public void save(GraphDocument document, Path file) throws IOException {
        AtomicFiles.write(file, toJson(document).getBytes(StandardCharsets.UTF_8));
    }
}
