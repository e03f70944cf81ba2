package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorSource;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The NLP tutorials' class-index losses and embeddings import (issue #12, "cells into the app"): their int64 targets
 * ({@code torch.LongTensor([i])}, {@code torch.tensor(..., dtype=torch.long)}) and word indices are int64 sources,
 * {@code nn.NLLLoss}/{@code F.nll_loss}, {@code F.cross_entropy} and {@code nn.Embedding} are nodes, and the
 * document computes what PyTorch computed. Expected numbers: the fixtures' .out files and
 * {@code fixtures/import/e02_document.txt}, recorded with PyTorch 1.13 by {@code make_import_fixtures.py}.
 */
class NllEmbeddingImportTest {

    private static Path resource(String name) throws Exception {
        return Path.of(NllEmbeddingImportTest.class.getResource(name).toURI());
    }

    private static String program(String name) throws Exception {
        return Files.readString(resource("/fixtures/python/programs/" + name + ".py"), StandardCharsets.UTF_8);
    }

    private static GraphDocument importProgram(String name) throws Exception {
        return new ScriptImporter().importCell(program(name), name + ".py");
    }

    private static List<OpKind> ops(GraphDocument d) {
        return d.nodes().stream().map(OpNode::op).toList();
    }

    @Test
    void theDeepLearningTutorialImportsAsItsLastLossUnderTheDrawnParameters() throws Exception {
        GraphDocument d = importProgram("e02_nlp_deep_learning_tutorial");
        // make_bow_vector's vec.view(1, -1) is a view node of the bag of words
        assertEquals(List.of(OpKind.VIEW, OpKind.LINEAR, OpKind.LOG_SOFTMAX, OpKind.NLL_LOSS), ops(d));
        assertEquals(List.of(1L, -1L), d.nodes().get(0).shape());
        TensorSource target = d.tensor("target").orElseThrow();
        assertEquals("int64", target.dtype()); // torch.LongTensor([label_to_ix[label]])
        assertEquals(List.of(1), target.shape());
        List<String> torch = Files.readAllLines(resource("/fixtures/import/e02_document.txt"));
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        Tensor loss = compiled.output();
        assertEquals(torch.get(0), loss.toString());
        assertEquals(Double.parseDouble(torch.get(1)), loss.item()); // to the last bit
        loss.backward();
        TensorSource bias = d.tensors().stream().filter(t -> t.shape().equals(List.of(2))).findFirst().orElseThrow();
        assertEquals(torch.get(2), compiled.tensor(bias.name()).grad().toString());
    }

    /**
     * e03 imports with its {@code .view((1, -1))} as a view node; its document is the last n-gram's loss under the
     * parameters as drawn, which {@code fixtures/import/e03_document.txt} recorded with PyTorch 1.13.
     */
    @Test
    void theWordEmbeddingsTutorialImportsWithItsViewAndComputesPyTorchsLossAndGradients() throws Exception {
        GraphDocument d = importProgram("e03_nlp_word_embeddings_tutorial");
        assertEquals(List.of(OpKind.EMBEDDING, OpKind.VIEW, OpKind.LINEAR, OpKind.RELU, OpKind.LINEAR,
                OpKind.LOG_SOFTMAX, OpKind.NLL_LOSS), ops(d));
        OpNode view = d.node("embeds").orElseThrow();
        assertEquals(OpKind.VIEW, view.op());
        assertEquals(List.of(1L, -1L), view.shape());
        List<String> torch = Files.readAllLines(resource("/fixtures/import/e03_document.txt"));
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        Tensor loss = compiled.output();
        assertEquals(torch.get(0), loss.toString());
        assertEquals(Double.parseDouble(torch.get(1)), loss.item()); // to the last bit
        assertEquals("ViewBackward0", compiled.tensor("embeds").gradFn().name());
        loss.backward();
        // the context words ['it', "feel'st"] are rows 48 and 41 of the sorted vocabulary, as context_idxs holds them
        TensorSource idxs = d.tensor("context_idxs").orElseThrow();
        List<Double> rows = ((org.gradviz.app.document.Initializer.Values) idxs.init()).data();
        Tensor table = compiled.tensor(d.edges().stream().filter(e -> e.to().equals(d.nodes().get(0).name())
                && e.port().equals("weight")).findFirst().orElseThrow().from()).grad();
        assertEquals(String.join("\n", torch.subList(2, 4)),
                org.gradviz.engine.ops.Indexing.select(table, rows.get(0).intValue()).toString());
        assertEquals(String.join("\n", torch.subList(4, 6)),
                org.gradviz.engine.ops.Indexing.select(table, rows.get(1).intValue()).toString());
        TensorSource bias = d.tensors().stream().filter(t -> t.shape().equals(List.of(97))).findFirst()
                .orElseThrow();
        assertEquals(String.join("\n", torch.subList(6, 19)), compiled.tensor(bias.name()).grad().toString());
    }

    /** Fixture q01: the tutorial's n-gram model with torch.flatten where it writes .view((1, -1)). */
    @Test
    void theNgramModelImportsAndComputesPyTorchsLossAndGradients() throws Exception {
        GraphDocument d = importProgram("q01_ngram_embedding_nll_import");
        assertEquals(List.of(OpKind.EMBEDDING, OpKind.FLATTEN, OpKind.LINEAR, OpKind.RELU, OpKind.LINEAR,
                OpKind.LOG_SOFTMAX, OpKind.NLL_LOSS), ops(d));
        assertEquals("int64", d.tensor("context_idxs").orElseThrow().dtype());
        assertEquals(List.of(), d.tensor("target").orElseThrow().shape()); // a 0-d class index
        List<String> torch = Files.readAllLines(resource("/fixtures/python/programs/"
                + "q01_ngram_embedding_nll_import.out"));
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        assertEquals(torch.get(0), compiled.output().toString());
        compiled.output().backward();
        // the embedding table's rows of the two context words (forty = 8, When = 1 in the sorted vocabulary)
        Tensor table = compiled.tensor("weight1").grad();
        assertEquals(torch.get(1), org.gradviz.engine.ops.Indexing.select(table, 8).toString());
        assertEquals(torch.get(2), org.gradviz.engine.ops.Indexing.select(table, 1).toString());
        assertEquals(String.join("\n", torch.subList(3, 5)), compiled.tensor("bias2").grad().toString());
    }

    @Test
    void theImportedDocumentSavesAndReadsBackWithItsIntegers() throws Exception {
        GraphDocument d = importProgram("q01_ngram_embedding_nll_import");
        String saved = new DocumentWriter().toJson(d);
        assertEquals(d, new DocumentReader().parse(saved));
        assertTrue(saved.replaceAll("\\s", "").contains("\"name\":\"target\",\"role\":\"input\",\"shape\":[],"
                + "\"dtype\":\"int64\",\"requires_grad\":false,\"init\":{\"kind\":\"values\",\"data\":[13]}"), saved);
    }

    @Test
    void crossEntropyOfAnIntTargetImportsAsOneNodeAndComputesWhatTheCellPrinted() throws Exception {
        String cell = String.join("\n",
                "import torch",
                "import torch.nn.functional as F",
                "logits = torch.tensor([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], requires_grad=True)",
                "labels = torch.tensor([1, 2])",
                "loss = F.cross_entropy(logits, labels, reduction='sum')",
                "print(loss)", "");
        GraphDocument d = new ScriptImporter().importCell(cell, "cell.py");
        assertEquals(List.of(OpKind.CROSS_ENTROPY), ops(d));
        assertEquals("sum", d.node("loss").orElseThrow().reduction());
        assertEquals(Cells.stdout(cell), new DocumentCompiler().compile(d).output() + "\n");
    }

    @Test
    void anIgnoreIndexIsRefusedSinceNoNodeHoldsIt() {
        ScriptImportException e = assertThrows(ScriptImportException.class, () -> new ScriptImporter().importCell(
                String.join("\n", "import torch", "import torch.nn as nn",
                        "x = torch.zeros(2, 3, requires_grad=True)",
                        "loss = nn.NLLLoss(ignore_index=0)(x, torch.tensor([1, 0]))", ""), "cell.py"));
        assertEquals("cell.py:4: a node of nll_loss has no ignore_index=0; leave it at its default, or compute "
                + "without it", e.getMessage());
    }

    @Test
    void aPaddingIndexIsRefusedSinceNoNodeHoldsIt() {
        ScriptImportException e = assertThrows(ScriptImportException.class, () -> new ScriptImporter().importCell(
                String.join("\n", "import torch", "import torch.nn.functional as F",
                        "w = torch.ones(4, 2, requires_grad=True)",
                        "loss = F.embedding(torch.tensor([1, 0]), w, padding_idx=0).sum()", ""), "cell.py"));
        assertEquals(List.of(4), e.lines());
        assertTrue(e.getMessage().contains("a node of embedding has no padding_idx=0"), e.getMessage());
    }

    @Test
    void aPosWeightIsRefusedInsteadOfLeftOut() {
        ScriptImportException e = assertThrows(ScriptImportException.class, () -> new ScriptImporter().importCell(
                String.join("\n", "import torch", "import torch.nn.functional as F",
                        "x = torch.zeros(3, requires_grad=True)",
                        "loss = F.binary_cross_entropy_with_logits(x, torch.ones(3), pos_weight=torch.ones(3))", ""),
                "cell.py"));
        assertTrue(e.getMessage().contains("has no pos_weight=<a tensor>"), e.getMessage());
    }
}
