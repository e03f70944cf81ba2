package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The cell written for every example document prints what the example's own cell prints, and reads back. */
class PyTorchCodeWriterExamplesTest {

    static List<String> pairedExamples() {
        return Cells.pairedExamples();
    }

    private static GraphDocument document(String example) {
        return new DocumentReader().read(Cells.example(example + ".json"));
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void theWrittenCellPrintsWhatTheExampleCellPrints(String example) {
        String written = new PyTorchCodeWriter().write(document(example));
        assertEquals(Cells.stdout(Cells.source(example)), Cells.stdout(written), written);
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void theWrittenCellImportsToTheSameDocument(String example) throws Exception {
        GraphDocument d = document(example);
        GraphDocument back = new ScriptImporter().importCell(new PyTorchCodeWriter().write(d), example + ".py");
        assertEquals(d.seed(), back.seed());
        assertEquals(d.tensors(), back.tensors());
        assertEquals(d.nodes(), back.nodes());
        assertEquals(d.edges(), back.edges());
        assertEquals(d.output(), back.output());
    }

    /**
     * PyTorch's own numbers: lines {@code from..to} (1-based, inclusive) of a golden program's output, recorded
     * with real PyTorch, that the written cell must print as one block.
     */
    @ParameterizedTest
    @CsvSource({
        // w.grad and b.grad of the seed network
        "one-layer-bce, v01_one_layer_seed0, 3, 8",
        // y = x ** 2 at 4, and dy/dx
        "square, v06_square_scalar, 2, 2",
        "square, v06_square_scalar, 4, 4",
        // z = sin(x ** 2) at 4, and dz/dx
        "sin-of-square, v07_sin_of_square, 6, 7",
        // the Jacobian product of (inp + 1).pow(2).t() with ones, after one backward
        "eye-pow-transpose, v05_jacobian_eye, 2, 5",
    })
    void theWrittenCellPrintsPyTorchsNumbers(String example, String golden, int from, int to) throws Exception {
        Path out = Examples.golden().resolve("programs").resolve(golden + ".out");
        List<String> lines = Files.readAllLines(out);
        String block = String.join("\n", lines.subList(from - 1, to)) + "\n";
        String printed = Cells.stdout(new PyTorchCodeWriter().write(document(example)));
        assertTrue(printed.contains(block), () -> "PyTorch printed:\n" + block + "the written cell printed:\n"
                + printed);
    }

    /**
     * The cell written for the flatten example is, character for character, fixture f02, which real PyTorch ran:
     * the written {@code torch.flatten(x, start_dim=1, end_dim=-1)} and {@code torch.flatten(a)} run in torch, and
     * the cell prints what torch printed.
     */
    @org.junit.jupiter.api.Test
    void theWrittenFlattenCellIsTheProgramPyTorchRan() throws Exception {
        Path programs = Path.of(getClass().getResource("/fixtures/python/programs").toURI());
        String written = new PyTorchCodeWriter().write(document("flatten-batch"));
        assertEquals(Files.readString(programs.resolve("f02_written_flatten_batch.py")), written);
        assertEquals("0\n", Files.readString(programs.resolve("f02_written_flatten_batch.code")));
        assertEquals(Files.readString(programs.resolve("f02_written_flatten_batch.out")), Cells.stdout(written));
    }

    /**
     * The cell written for the word-embedding example is, character for character, fixture q02, which real PyTorch
     * ran: its int64 sources are written as {@code torch.tensor([[0, 2], [4, 1]], dtype=torch.int64)}, and the cell
     * prints what torch printed (the example's own cell prints the same, see above).
     */
    @org.junit.jupiter.api.Test
    void theWrittenWordEmbeddingCellIsTheProgramPyTorchRan() throws Exception {
        Path programs = Path.of(getClass().getResource("/fixtures/python/programs").toURI());
        String written = new PyTorchCodeWriter().write(document("word-embedding-nll"));
        assertEquals(Files.readString(programs.resolve("q02_written_word_embedding_nll.py")), written);
        assertEquals("0\n", Files.readString(programs.resolve("q02_written_word_embedding_nll.code")));
        assertEquals(Files.readString(programs.resolve("q02_written_word_embedding_nll.out")), Cells.stdout(written));
    }

    /**
     * The cell written for the n-gram example is, character for character, fixture h01, which real PyTorch ran: its
     * view node is written as torch's method with the sizes spread out, {@code .view(1, -1)}, and the cell prints
     * what torch printed.
     */
    @org.junit.jupiter.api.Test
    void theWrittenNgramCellIsTheProgramPyTorchRan() throws Exception {
        Path programs = Path.of(getClass().getResource("/fixtures/python/programs").toURI());
        String written = new PyTorchCodeWriter().write(document("ngram-view"));
        assertTrue(written.contains("embeds = F.embedding(context, emb).view(1, -1)\n"), written);
        assertEquals(Files.readString(programs.resolve("h01_written_ngram_view.py")), written);
        assertEquals("0\n", Files.readString(programs.resolve("h01_written_ngram_view.code")));
        assertEquals(Files.readString(programs.resolve("h01_written_ngram_view.out")), Cells.stdout(written));
    }

    @ParameterizedTest
    @MethodSource("pairedExamples")
    void aHiddenIntermediateIsWrittenInsideItsConsumer(String example) {
        GraphDocument d = document(example);
        String written = new PyTorchCodeWriter().write(d);
        d.nodes().stream().filter(n -> !n.showsValue()).forEach(n ->
                assertTrue(Arrays.stream(written.split("\n")).noneMatch(l -> l.startsWith(n.name() + " = ")),
                        written));
    }
}
