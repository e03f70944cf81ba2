package org.gradviz.app.files;

import org.gradviz.app.bridge.ScriptImportException;
import org.gradviz.app.bridge.ScriptImporter;
import org.gradviz.app.document.GraphDocument;

/** The file features' {@link CellImporter} over the bridge's {@link ScriptImporter}: same problems, by line. */
public final class ScriptCellImporter implements CellImporter {
    private final ScriptImporter importer = new ScriptImporter();

    @Override
    public GraphDocument importCell(String source, String fileName) throws CellImportException {
        try {
            return importer.importCell(source, fileName);
        } catch (ScriptImportException e) {
            throw new CellImportException(e.problems().stream()
                    .map(p -> new CellImportException.Problem(p.line(),
                            (p.column() > 0 ? "column " + p.column() + ": " : "") + p.message()))
                    .toList());
        }
    }
}
