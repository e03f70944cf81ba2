package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;

class PyTorchCodeWriterProperties {

    @Provide
    Arbitrary<GraphDocument> documents() {
        // NOTE: a valid document is easiest to build step by step from one seed; jqwik shrinks the seed
        return Arbitraries.longs().map(RandomDocuments::generate);
    }

    @Property(tries = 200)
    void theWrittenCellImportsToTheSameDocument(@ForAll("documents") GraphDocument d) throws Exception {
        GraphDocument valid = new DocumentReader().parse(new DocumentWriter().toJson(d));
        String cell = new PyTorchCodeWriter().write(valid);
        GraphDocument back = new ScriptImporter().importCell(cell, "written.py");
        assertEquals(valid.seed(), back.seed(), cell);
        assertEquals(valid.tensors(), back.tensors(), cell);
        assertEquals(valid.nodes(), back.nodes(), cell);
        assertEquals(valid.edges(), back.edges(), cell);
        assertEquals(valid.output(), back.output(), cell);
    }

    @Property(tries = 200)
    void theWrittenCellPrintsTheOutputTheDocumentComputes(@ForAll("documents") GraphDocument d) {
        String cell = new PyTorchCodeWriter().write(d);
        String computed = new DocumentCompiler().compile(d).output().toString();
        String printed = Cells.stdout(cell);
        assertTrue(printed.startsWith(computed + "\n"), () -> cell + "\nprinted:\n" + printed + "\ncomputed:\n"
                + computed);
    }
}
