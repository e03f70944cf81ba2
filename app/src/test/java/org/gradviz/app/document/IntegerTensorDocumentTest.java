package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.engine.DType;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * int64 tensors in documents (a loss's class target, an embedding's word indices) and the nll_loss, cross_entropy and
 * embedding nodes that take them: read, saved with whole numbers, checked with messages naming the tensor and the
 * element, and run with torch's errors for a float target or an index out of range.
 */
class IntegerTensorDocumentTest {
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();

    /**
     * Log-probabilities x [[-1, -2, -0.5], [-0.25, -3, -1.5]] (requiring grad), a target source {@code target} and
     * the node {@code loss} of {@code op} with {@code attributes} between them.
     */
    private static String lossDoc(String target, String op, String attributes) {
        return "{\"formatVersion\": 1, \"tensors\": ["
                + "{\"name\": \"x\", \"role\": \"parameter\", \"shape\": [2, 3], \"requires_grad\": true, "
                + "\"init\": {\"kind\": \"values\", \"data\": [-1.0, -2.0, -0.5, -0.25, -3.0, -1.5]}}, "
                + target + "], "
                + "\"nodes\": [{\"name\": \"loss\", \"op\": \"" + op + "\"" + attributes + "}], \"edges\": ["
                + "{\"from\": \"x\", \"to\": \"loss\", \"port\": \"input\"}, "
                + "{\"from\": \"target\", \"to\": \"loss\", \"port\": \"target\"}], \"output\": \"loss\"}";
    }

    private static String intTarget(String data) {
        return "{\"name\": \"target\", \"role\": \"input\", \"shape\": [2], \"dtype\": \"int64\", "
                + "\"requires_grad\": false, \"init\": {\"kind\": \"values\", \"data\": [" + data + "]}}";
    }

    private String refusal(String json) {
        return assertThrows(DocumentException.class, () -> reader.parse(json)).getMessage();
    }

    private String compileRefusal(String json) {
        GraphDocument d = reader.parse(json);
        return assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d)).getMessage();
    }

    // ----- reading and saving

    @Test
    void anInt64SourceIsReadAsIntegersAndSavedAsWholeNumbers() {
        GraphDocument d = reader.parse(lossDoc(intTarget("2, 0"), "nll_loss", ""));
        TensorSource target = d.tensor("target").orElseThrow();
        assertEquals("int64", target.dtype());
        assertTrue(target.isIntegral());
        String saved = writer.toJson(d);
        String compact = saved.replaceAll("\\s", "");
        assertTrue(compact.contains("\"dtype\":\"int64\",\"requires_grad\":false,\"init\":{\"kind\":\"values\","
                + "\"data\":[2,0]}"), saved);
        assertTrue(compact.contains("\"data\":[-1.0,-2.0,-0.5,-0.25,-3.0,-1.5]"), "floats stay floats: " + saved);
        assertEquals(d, reader.parse(saved));
        Tensor made = new DocumentCompiler().compile(d).tensor("target");
        assertEquals(DType.INT64, made.dtype());
        assertEquals("tensor([2, 0])", made.toString()); // as torch prints torch.tensor([2, 0])
    }

    @Test
    void anInt64FullSourceSavesItsValueAsAWholeNumber() {
        GraphDocument d = reader.parse(lossDoc("{\"name\": \"target\", \"role\": \"input\", \"shape\": [2], "
                + "\"dtype\": \"int64\", \"requires_grad\": false, \"init\": {\"kind\": \"full\", \"value\": 1}}",
                "nll_loss", ""));
        String saved = writer.toJson(d);
        assertTrue(saved.replaceAll("\\s", "").contains("{\"kind\":\"full\",\"value\":1}"), saved);
        assertEquals(d, reader.parse(saved));
    }

    @Test
    void aDocumentWithoutIntegersIsWrittenAsBefore() {
        GraphDocument d = reader.read(Examples.file("one-layer-bce.json"));
        assertFalse(writer.toJson(d).contains("int64"));
        assertEquals(d, reader.parse(writer.toJson(d)));
    }

    // ----- what the validator refuses

    @Test
    void aFractionInAnInt64TensorIsRefusedNamingTheTensorAndTheElement() {
        assertEquals("tensors[1] \"target\": dtype int64 holds whole numbers, and data[1] is 0.5; write a whole "
                + "number, or make the tensor float32", refusal(lossDoc(intTarget("2, 0.5"), "nll_loss", "")));
    }

    @Test
    void anInt64TensorCannotRequireGrad() {
        String json = lossDoc(intTarget("2, 0").replace("\"requires_grad\": false", "\"requires_grad\": true"),
                "nll_loss", "");
        assertEquals("tensors[1] \"target\": \"requires_grad\" is true, and only tensors of floating point dtype can "
                + "require gradients; make it float32, or set requires_grad to false", refusal(json));
    }

    @Test
    void anInt64TensorIsNotDrawnWithRandn() {
        String json = lossDoc("{\"name\": \"target\", \"role\": \"input\", \"shape\": [2], \"dtype\": \"int64\", "
                + "\"requires_grad\": false, \"init\": {\"kind\": \"randn\"}}", "nll_loss", "")
                .replace("{\"formatVersion\": 1,", "{\"formatVersion\": 1, \"seed\": 0,");
        assertEquals("tensors[1] \"target\": randn draws floats, and this tensor is int64; give its values, or make "
                + "it float32", refusal(json));
    }

    @Test
    void anUnknownDtypeNamesTheThreeThatAreSupported() {
        assertEquals("tensors[1] \"target\": dtype \"int32\" is not supported (use float32, float64 or int64)",
                refusal(lossDoc(intTarget("2, 0").replace("int64", "int32"), "nll_loss", "")));
    }

    // ----- what running refuses, in torch's words

    @Test
    void aFloatTargetOfNllLossIsTorchsError() {
        String floatTarget = "{\"name\": \"target\", \"role\": \"input\", \"shape\": [2], \"requires_grad\": false, "
                + "\"init\": {\"kind\": \"values\", \"data\": [2.0, 0.0]}}";
        assertEquals("nodes[0] \"loss\": nll_loss: expected scalar type Long but found Float",
                compileRefusal(lossDoc(floatTarget, "nll_loss", "")));
    }

    @Test
    void aTargetClassOutOfRangeIsTorchsError() {
        assertEquals("nodes[0] \"loss\": nll_loss: Target 5 is out of bounds.",
                compileRefusal(lossDoc(intTarget("5, 0"), "nll_loss", "")));
    }

    @Test
    void crossEntropyWithClassProbabilitiesIsRefusedSayingWhatToGive() {
        String probabilities = "{\"name\": \"target\", \"role\": \"input\", \"shape\": [2, 3], \"requires_grad\": "
                + "false, \"init\": {\"kind\": \"values\", \"data\": [0.0, 0.0, 1.0, 1.0, 0.0, 0.0]}}";
        assertEquals("nodes[0] \"loss\": cross_entropy with class probabilities as target is not supported by "
                + "gradviz; give the class indices as an int64 tensor",
                compileRefusal(lossDoc(probabilities, "cross_entropy", "")));
    }

    @Test
    void anEmbeddingIndexOutOfRangeIsTorchsError() {
        assertEquals("nodes[0] \"rows\": embedding: index out of range in self",
                compileRefusal(embeddingDoc("3, 0")));
    }

    @Test
    void floatIndicesOfAnEmbeddingAreTorchsError() {
        String json = embeddingDoc("1, 0").replace(", \"dtype\": \"int64\"", "").replace("[1, 0]", "[1.0, 0.0]");
        assertEquals("nodes[0] \"rows\": embedding: Expected tensor for argument #1 'indices' to have one of the "
                + "following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for "
                + "embedding)", compileRefusal(json));
    }

    // ----- what the nodes compute (by hand)

    @Test
    void nllLossIsMinusTheMeanLogProbabilityOfEachTargetClassWithItsGradientThere() {
        GraphDocument d = reader.parse(lossDoc(intTarget("2, 0"), "nll_loss", ""));
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        Tensor loss = compiled.tensor("loss");
        // -(x[0, 2] + x[1, 0]) / 2 = -(-0.5 - 0.25) / 2 = 0.375
        assertEquals(0.375, loss.item());
        assertEquals("NllLossBackward0", loss.gradFn().name());
        loss.backward();
        // d/dx: -1/2 at (0, 2) and (1, 0), 0 elsewhere
        assertEquals(List.of(0.0, 0.0, -0.5, -0.5, 0.0, 0.0), values(compiled.tensor("x").grad()));
    }

    @Test
    void nllLossWithReductionNoneGivesEachRowsLoss() {
        CompiledDocument compiled = new DocumentCompiler().compile(
                reader.parse(lossDoc(intTarget("1, 2"), "nll_loss", ", \"reduction\": \"none\"")));
        // -x[0, 1], -x[1, 2]
        assertEquals(List.of(2.0, 1.5), values(compiled.tensor("loss")));
    }

    @Test
    void crossEntropyIsNllLossOfLogSoftmax() {
        String json = lossDoc(intTarget("0, 1"), "cross_entropy", ", \"reduction\": \"sum\"")
                .replace("[-1.0, -2.0, -0.5, -0.25, -3.0, -1.5]", "[0.0, 0.0, 0.0, 1.0, 1.0, 1.0]");
        CompiledDocument compiled = new DocumentCompiler().compile(reader.parse(json));
        Tensor loss = compiled.tensor("loss");
        // each row's three equal scores give log-probabilities of -ln 3: the sum of two rows is 2 ln 3
        assertEquals(2 * Math.log(3), loss.item(), 1e-6);
        assertEquals("NllLossBackward0", loss.gradFn().name());
        assertEquals("LogSoftmaxBackward0", loss.gradFn().nextFunctions().get(0).function().name());
    }

    @Test
    void anEmbeddingPicksRowsAndSendsEachRowsGradientBackToItsRow() {
        CompiledDocument compiled = new DocumentCompiler().compile(reader.parse(embeddingDoc("2, 0, 2")));
        Tensor rows = compiled.tensor("rows");
        assertEquals(List.of(3, 2), java.util.Arrays.stream(rows.size()).boxed().toList());
        assertEquals(List.of(5.0, 6.0, 1.0, 2.0, 5.0, 6.0), values(rows));
        assertEquals("EmbeddingBackward0", rows.gradFn().name());
        compiled.tensor("total").backward();
        // row 2 was picked twice, row 0 once, row 1 never
        assertEquals(List.of(1.0, 1.0, 0.0, 0.0, 2.0, 2.0), values(compiled.tensor("table").grad()));
        assertNull(compiled.tensor("idx").grad());
    }

    /** A table [[1, 2], [3, 4], [5, 6]] (requiring grad) looked up at int64 {@code indices}, then summed. */
    private static String embeddingDoc(String indices) {
        int n = indices.split(",").length;
        return "{\"formatVersion\": 1, \"tensors\": ["
                + "{\"name\": \"idx\", \"role\": \"input\", \"shape\": [" + n + "], \"dtype\": \"int64\", "
                + "\"requires_grad\": false, \"init\": {\"kind\": \"values\", \"data\": [" + indices + "]}}, "
                + "{\"name\": \"table\", \"role\": \"parameter\", \"shape\": [3, 2], \"requires_grad\": true, "
                + "\"init\": {\"kind\": \"values\", \"data\": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}}], "
                + "\"nodes\": [{\"name\": \"rows\", \"op\": \"embedding\"}, {\"name\": \"total\", \"op\": \"sum\"}], "
                + "\"edges\": [{\"from\": \"idx\", \"to\": \"rows\", \"port\": \"input\"}, "
                + "{\"from\": \"table\", \"to\": \"rows\", \"port\": \"weight\"}, "
                + "{\"from\": \"rows\", \"to\": \"total\", \"port\": \"input\"}], \"output\": \"total\"}";
    }

    private static List<Double> values(Tensor t) {
        return java.util.Arrays.stream(t.data()).boxed().toList();
    }
}
