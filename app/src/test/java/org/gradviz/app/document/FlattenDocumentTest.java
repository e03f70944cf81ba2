package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/** A flatten node in a document: its start_dim and end_dim are read, saved, checked and run as torch.flatten's. */
class FlattenDocumentTest {
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();

    /** x of shape [2, 3, 2] (values 1..12, requiring grad) flattened by {@code node}, then summed. */
    private static String doc(String node) {
        StringBuilder data = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            data.append(i == 1 ? "" : ", ").append(i).append(".0");
        }
        return "{\"formatVersion\": 1, \"tensors\": [{\"name\": \"x\", \"role\": \"parameter\", \"shape\": [2, 3, 2], "
                + "\"requires_grad\": true, \"init\": {\"kind\": \"values\", \"data\": [" + data + "]}}], "
                + "\"nodes\": [" + node + ", {\"name\": \"loss\", \"op\": \"sum\"}], \"edges\": ["
                + "{\"from\": \"x\", \"to\": \"flat\", \"port\": \"input\"}, "
                + "{\"from\": \"flat\", \"to\": \"loss\", \"port\": \"input\"}], \"output\": \"loss\"}";
    }

    private String refusal(String json) {
        return assertThrows(DocumentException.class, () -> reader.parse(json)).getMessage();
    }

    @Test
    void startAndEndDimAreReadAndSavedUnderTorchsNames() {
        GraphDocument d = reader.parse(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"start_dim\": 1, \"end_dim\": 2}"));
        OpNode flat = d.node("flat").orElseThrow();
        assertEquals(OpKind.FLATTEN, flat.op());
        assertEquals(1, flat.startDim());
        assertEquals(2, flat.endDim());
        String saved = writer.toJson(d);
        assertTrue(saved.contains("\"op\" : \"flatten\",\n      \"start_dim\" : 1,\n      \"end_dim\" : 2")
                || saved.replaceAll("\\s", "").contains("\"op\":\"flatten\",\"start_dim\":1,\"end_dim\":2"), saved);
        assertEquals(d, reader.parse(saved));
    }

    @Test
    void absentDimsAreTorchFlattensDefaultsZeroAndMinusOne() {
        GraphDocument d = reader.parse(doc("{\"name\": \"flat\", \"op\": \"flatten\"}"));
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        assertEquals(java.util.List.of(12), java.util.Arrays.stream(compiled.tensor("flat").size()).boxed().toList());
        assertTrue(writer.toJson(d).contains("\"flatten\""));
        assertTrue(!writer.toJson(d).contains("start_dim"), "an absent attribute stays absent");
    }

    @Test
    void theNodeRunsAsTorchFlattenForwardAndBack() {
        CompiledDocument compiled = new DocumentCompiler().compile(
                reader.parse(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"start_dim\": 0, \"end_dim\": 1}")));
        Tensor flat = compiled.tensor("flat");
        // [2, 3, 2] with dims 0..1 merged is [6, 2]; torch 1.13 records ReshapeAliasBackward0
        assertEquals(java.util.List.of(6, 2), java.util.Arrays.stream(flat.size()).boxed().toList());
        assertEquals("ReshapeAliasBackward0", flat.gradFn().name());
        compiled.backward();
        // d(sum)/dx = 1 everywhere, in x's own shape
        Tensor grad = compiled.tensor("x").gradOrNull();
        assertEquals(java.util.List.of(2, 3, 2), java.util.Arrays.stream(grad.size()).boxed().toList());
        for (double g : grad.data()) {
            assertEquals(1.0, g);
        }
    }

    @Test
    void aFractionalStartDimIsRefusedAtItsPlace() {
        String message = refusal(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"start_dim\": 1.5}"));
        assertTrue(message.startsWith("nodes[0].start_dim: 1.5 is not a whole number"), message);
    }

    @Test
    void aQuotedEndDimIsRefusedAtItsPlace() {
        String message = refusal(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"end_dim\": \"-1\"}"));
        assertTrue(message.startsWith("nodes[0].end_dim: "), message);
    }

    @Test
    void anotherOpWithAStartDimIsRefusedNamingTheNode() {
        assertEquals("nodes[0] \"flat\": sum takes no attribute \"start_dim\"",
                refusal(doc("{\"name\": \"flat\", \"op\": \"sum\", \"start_dim\": 1}")));
    }

    @Test
    void aDimOutsideTheInputIsRefusedInTorchsWordsNamingTheNode() {
        GraphDocument d = reader.parse(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"start_dim\": 3}"));
        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d));
        assertEquals("nodes[0] \"flat\": flatten: Dimension out of range (expected to be in range of [-3, 2], but "
                + "got 3)", e.getMessage());
    }

    @Test
    void aStartDimAfterTheEndDimIsRefusedInTorchsWordsNamingTheNode() {
        GraphDocument d = reader.parse(doc("{\"name\": \"flat\", \"op\": \"flatten\", \"start_dim\": 2, \"end_dim\": 1}"));
        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d));
        assertEquals("nodes[0] \"flat\": flatten: flatten() has invalid args: start_dim cannot come after end_dim",
                e.getMessage());
    }

    @Test
    void thePaletteNodeStartsWithTorchFlattensDefaultsWrittenOut() {
        OpNode n = OpKind.FLATTEN.newNode("flat");
        assertEquals(0, n.startDim());
        assertEquals(-1, n.endDim());
    }
}
