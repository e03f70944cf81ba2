package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example cell imports to its example document, and the document computes what the cell printed. */
class ScriptImporterExamplesTest {

    static List<String> pairedExamples() {
        return Cells.pairedExamples();
    }

    @Test
    void everyExampleDocumentHasItsCell() {
        assertEquals(List.of("cubic-mean", "eye-pow-transpose", "flatten-batch", "mlp-two-layer", "ngram-view", "one-layer-bce",
                "scalar-logistic", "sin-of-square", "square", "word-embedding-nll"), pairedExamples());
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void importingTheCellGivesTheExampleDocument(String example) throws Exception {
        GraphDocument expected = new DocumentReader().read(Cells.example(example + ".json"));
        GraphDocument imported = new ScriptImporter().importCell(Cells.source(example), example + ".py");
        assertEquals(expected.seed(), imported.seed(), "seed");
        assertEquals(expected.tensors(), imported.tensors(), "tensors");
        assertEquals(expected.nodes(), imported.nodes(), "nodes");
        assertEquals(expected.edges(), imported.edges(), "edges");
        assertEquals(expected.output(), imported.output(), "output");
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void theImportedDocumentComputesTheOutputTheCellPrints(String example) throws Exception {
        String printed = Cells.stdout(Cells.source(example));
        GraphDocument imported = new ScriptImporter().importCell(Cells.source(example), example + ".py");
        CompiledDocument compiled = new DocumentCompiler().compile(imported);
        // every example cell prints its output first
        assertTrue(printed.startsWith(compiled.output() + "\n"),
                () -> "cell printed:\n" + printed + "\ndocument computes:\n" + compiled.output());
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void theImportedDocumentIsValidAndGivesEveryNodeAPosition(String example) throws Exception {
        GraphDocument imported = new ScriptImporter().importCell(Cells.source(example), example + ".py");
        GraphDocument reread = new DocumentReader().parse(new DocumentWriter().toJson(imported));
        assertEquals(imported, reread);
        for (String name : names(imported)) {
            assertTrue(imported.positions().containsKey(name), name + " has no position");
        }
        assertFalse(imported.title().isBlank());
    }

    private static List<String> names(GraphDocument d) {
        return java.util.stream.Stream.concat(d.tensors().stream().map(t -> t.name()),
                d.nodes().stream().map(n -> n.name())).toList();
    }
}
