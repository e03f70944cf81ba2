package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFilesTest {

    @Test
    void aPythonCellAndItsJsonDocumentOpenAsTheSameNetwork() throws Exception {
        GraphDocument fromCell = DocumentFiles.read(Cells.example("mlp-two-layer.py"));
        GraphDocument fromJson = DocumentFiles.read(Cells.example("mlp-two-layer.json"));
        assertEquals(fromJson.nodes(), fromCell.nodes());
        assertEquals(fromJson.tensors(), fromCell.tensors());
    }

    @Test
    void aCellThatCannotBeImportedNamesItsFileAndLine(@TempDir Path dir) throws Exception {
        Path cell = dir.resolve("bad.py");
        Files.writeString(cell, "import torch\nw = torch.ones(2, requires_grad=True)\nloss = w[0] * 2\n");
        ScriptImportException e = assertThrows(ScriptImportException.class, () -> DocumentFiles.read(cell));
        assertEquals("bad.py", e.fileName());
        assertEquals(java.util.List.of(3), e.lines());
    }

    @Test
    void aMissingCellIsADocumentException(@TempDir Path dir) {
        DocumentException e = assertThrows(DocumentException.class, () -> DocumentFiles.read(dir.resolve("no.py")));
        assertEquals("no such file: " + dir.resolve("no.py"), e.getMessage());
    }
}
