package org.gradviz.app.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.script.ScriptSyntaxError;
import org.gradviz.app.script.SourceText;

/** Opens what {@code gradviz open FILE} accepts: a {@code .py} cell is imported, anything else read as JSON. */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /**
     * The document in {@code file}; a JSON document may be a draft the editor saved (inputs not yet connected).
     *
     * @throws ScriptImportException a {@code .py} cell that cannot become a document, with every line why
     * @throws DocumentException a JSON document that cannot be read, or a file that cannot be read at all
     */
    public static GraphDocument read(Path file) throws ScriptImportException {
        if (!file.getFileName().toString().endsWith(".py")) {
            return new DocumentReader().readDraft(file);
        }
        String source;
        try {
            source = SourceText.decode(Files.readAllBytes(file), file.getFileName().toString());
        } catch (ScriptSyntaxError e) {
            throw new DocumentException(e.format(file.getFileName().toString()));
        } catch (NoSuchFileException e) {
            throw new DocumentException("no such file: " + file);
        } catch (IOException e) {
            throw new DocumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ScriptImporter().importCell(source, file.getFileName().toString());
    }
}
