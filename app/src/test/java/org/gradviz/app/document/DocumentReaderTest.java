package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
    private final DocumentReader reader = new DocumentReader();

    /** A small valid document: a = ones(3) requiring grad, s = sum(a * b) with b = full(2). */
    private static String doc(String tensors, String nodes, String edges) {
        return "{\"formatVersion\": 1, \"tensors\": [" + tensors + "], \"nodes\": [" + nodes + "], \"edges\": ["
                + edges + "]}";
    }

    private static final String A = "{\"name\": \"a\", \"role\": \"parameter\", \"shape\": [3], \"requires_grad\": true,"
            + " \"init\": {\"kind\": \"ones\"}}";
    private static final String B = "{\"name\": \"b\", \"role\": \"constant\", \"shape\": [3],"
            + " \"init\": {\"kind\": \"full\", \"value\": 2}}";

    private String refusal(String json) {
        return assertThrows(DocumentException.class, () -> reader.parse(json)).getMessage();
    }

    @Test
    void readsAValidDocumentWithDefaults() {
        GraphDocument d = reader.parse(doc(A + "," + B, "{\"name\": \"m\", \"op\": \"mul\"}, {\"name\": \"s\", \"op\": \"sum\"}",
                "{\"from\": \"a\", \"to\": \"m\", \"port\": \"input\"}, {\"from\": \"b\", \"to\": \"m\", \"port\": \"other\"},"
                        + "{\"from\": \"m\", \"to\": \"s\", \"port\": \"input\"}"));
        assertEquals(OpKind.MUL, d.node("m").orElseThrow().op());
        assertEquals(new Initializer.Full(2), d.tensor("b").orElseThrow().init());
        assertEquals("float32", d.tensor("a").orElseThrow().dtypeOrDefault());
        CompiledDocument c = new DocumentCompiler().compile(d);
        assertEquals("s", c.outputName());
        assertEquals(6.0, c.output().item());
        c.backward();
        assertEquals(List.of(2.0, 2.0, 2.0), java.util.Arrays.stream(c.tensor("a").gradOrNull().data()).boxed().toList());
    }

    @Test
    void refusesAnUnconnectedInputNamingTheNodeAndPort() {
        String json = doc(A + "," + B, "{\"name\": \"m\", \"op\": \"mul\"}, {\"name\": \"s\", \"op\": \"sum\"},"
                + "{\"name\": \"add1\", \"op\": \"add\"}",
                "{\"from\": \"a\", \"to\": \"m\", \"port\": \"input\"}, {\"from\": \"b\", \"to\": \"m\", \"port\": \"other\"},"
                        + "{\"from\": \"m\", \"to\": \"s\", \"port\": \"input\"}, {\"from\": \"s\", \"to\": \"add1\", \"port\": \"input\"}");
        assertEquals("nodes[2] \"add1\": input \"other\" is not connected", refusal(json));
    }

    @Test
    void refusesAnEdgeThatWouldMakeACycle() {
        String json = doc(A, "{\"name\": \"z\", \"op\": \"add\"}, {\"name\": \"CE\", \"op\": \"mul\"}",
                "{\"from\": \"a\", \"to\": \"z\", \"port\": \"input\"}, {\"from\": \"z\", \"to\": \"CE\", \"port\": \"input\"},"
                        + "{\"from\": \"a\", \"to\": \"CE\", \"port\": \"other\"}, {\"from\": \"CE\", \"to\": \"z\", \"port\": \"other\"}");
        assertEquals("edge CE -> z would make a cycle", refusal(json));
    }

    @Test
    void refusesAMatmulOfShapesThatCannotBeMultipliedNamingTheNode() {
        String x = "{\"name\": \"x\", \"role\": \"input\", \"shape\": [5], \"init\": {\"kind\": \"ones\"}}";
        String w = "{\"name\": \"w\", \"role\": \"parameter\", \"shape\": [4, 3], \"requires_grad\": true,"
                + " \"init\": {\"kind\": \"zeros\"}}";
        GraphDocument d = reader.parse(doc(x + "," + w, "{\"name\": \"xw\", \"op\": \"matmul\"}",
                "{\"from\": \"x\", \"to\": \"xw\", \"port\": \"input\"}, {\"from\": \"w\", \"to\": \"xw\", \"port\": \"other\"}"));
        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d));
        assertEquals("nodes[0] \"xw\": matmul: shapes (5) and (4, 3) cannot be multiplied", e.getMessage());
    }

    @Test
    void wrapsOtherEngineErrorsWithTheNodeAndOp() {
        String c = "{\"name\": \"c\", \"role\": \"constant\", \"shape\": [2], \"init\": {\"kind\": \"ones\"}}";
        GraphDocument d = reader.parse(doc(A + "," + c, "{\"name\": \"s\", \"op\": \"add\"}",
                "{\"from\": \"a\", \"to\": \"s\", \"port\": \"input\"}, {\"from\": \"c\", \"to\": \"s\", \"port\": \"other\"}"));
        String message = assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d)).getMessage();
        assertTrue(message.startsWith("nodes[0] \"s\": add: The size of tensor a (3) must match"), message);
    }

    @Test
    void refusesANewerFormatVersion() {
        assertEquals("formatVersion 7 is newer than this gradviz (1): update gradviz to open it",
                refusal("{\"formatVersion\": 7}"));
    }

    @Test
    void refusesAMissingFormatVersion() {
        assertTrue(refusal("{\"tensors\": []}").startsWith("formatVersion is missing"));
    }

    @Test
    void refusesMalformedJsonWithLineAndColumn() {
        String message = refusal("{\"formatVersion\": 1,\n  \"tensors\": [,]}");
        assertTrue(message.startsWith("malformed JSON at line 2, column 15: "), message);
    }

    @Test
    void refusesAnUnknownOpListingTheKnownOnes() {
        String message = refusal(doc(A, "{\"name\": \"q\", \"op\": \"cumsum\"}", ""));
        assertTrue(message.startsWith("nodes[0].op: \"cumsum\" is not one of: add, sub, mul"), message);
        assertTrue(message.contains("binary_cross_entropy_with_logits"), message);
    }

    @Test
    void refusesAnUnknownInitialiserKind() {
        String t = "{\"name\": \"a\", \"role\": \"input\", \"shape\": [3], \"init\": {\"kind\": \"rand\"}}";
        assertEquals("tensors[0].init: unknown kind \"rand\" (use values, ones, zeros, eye, randn or full)",
                refusal(doc(t, "", "")));
    }

    @Test
    void refusesAnUnknownField() {
        assertEquals("nodes[0]: unknown field \"colour\"",
                refusal(doc(A, "{\"name\": \"q\", \"op\": \"sum\", \"colour\": \"red\"}", "")));
    }

    @Test
    void refusesAPortTheOpDoesNotHave() {
        String message = refusal(doc(A, "{\"name\": \"q\", \"op\": \"sum\"}",
                "{\"from\": \"a\", \"to\": \"q\", \"port\": \"other\"}"));
        assertEquals("edges[0] a -> q: sum has no input \"other\" (its inputs: input)", message);
    }

    @Test
    void refusesADuplicateName() {
        assertEquals("nodes[0] \"a\": the name \"a\" is already used by tensors[0]",
                refusal(doc(A, "{\"name\": \"a\", \"op\": \"sum\"}", "")));
    }

    @Test
    void refusesValuesThatDoNotFillTheShape() {
        String t = "{\"name\": \"v\", \"role\": \"input\", \"shape\": [2, 2], \"init\": {\"kind\": \"values\","
                + " \"data\": [1, 2, 3]}}";
        assertEquals("tensors[0] \"v\": 3 values do not fill shape (2, 2) (4 needed)", refusal(doc(t, "", "")));
    }

    @Test
    void refusesRandnWithoutASeed() {
        String t = "{\"name\": \"w\", \"role\": \"parameter\", \"shape\": [2], \"init\": {\"kind\": \"randn\"}}";
        assertTrue(refusal(doc(t, "", "")).startsWith("tensors[0] \"w\": randn needs the document's \"seed\""));
    }

    @Test
    void refusesAnAttributeTheOpDoesNotTake() {
        assertEquals("nodes[0] \"q\": sum takes no attribute \"reduction\"",
                refusal(doc(A, "{\"name\": \"q\", \"op\": \"sum\", \"reduction\": \"mean\"}", "")));
    }

    @Test
    void refusesAnOutputThatNamesNoNode() {
        String json = "{\"formatVersion\": 1, \"tensors\": [" + A + "], \"output\": \"loss\"}";
        assertEquals("output \"loss\" names no node", refusal(json));
    }

    @Test
    void migrationsRewriteOlderTreesBeforeBinding() {
        Migration renameOps = new Migration(1, tree -> {
            tree.withArray("nodes").forEach(n -> ((ObjectNode) n).set("op", ((ObjectNode) n).remove("kind")));
            return tree;
        });
        DocumentReader v2 = new DocumentReader(new Migrations(List.of(renameOps)), 2);
        GraphDocument d = v2.parse(doc(A, "{\"name\": \"q\", \"kind\": \"sum\"}",
                "{\"from\": \"a\", \"to\": \"q\", \"port\": \"input\"}"));
        assertEquals(OpKind.SUM, d.node("q").orElseThrow().op());
    }

    @Test
    void refusesAVersionNoMigrationLeadsFrom() {
        DocumentReader v3 = new DocumentReader(new Migrations(List.of()), 3);
        assertEquals("formatVersion 1 is too old for this gradviz: no migration from it is known",
                assertThrows(DocumentException.class, () -> v3.parse("{\"formatVersion\": 1}")).getMessage());
    }
}
