package org.gradviz.app.files;

import org.gradviz.app.bridge.ScriptImportException;
import org.gradviz.app.bridge.ScriptImporter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.script.ScriptCancelledException;

/**
 * The file features' {@link CellImporter} over the bridge's {@link ScriptImporter}: same problems, by line. An
 * interrupt stops the cell at its next statement.
 */
public final class ScriptCellImporter implements CellImporter {
    private final ScriptImporter importer = new ScriptImporter();

    @Override
    public GraphDocument importCell(String source, String fileName) throws CellImportException, InterruptedException {
        try {
            return importer.importCell(source, fileName);
        } catch (ScriptImportException e) {
            throw new CellImportException(e.problems().stream()
                    .map(p -> new CellImportException.Problem(p.line(),
                            (p.column() > 0 ? "column " + p.column() + ": " : "") + p.message()))
                    .toList());
        } catch (ScriptCancelledException e) {
            throw new InterruptedException(fileName + " was cancelled");
        }
    }
}
