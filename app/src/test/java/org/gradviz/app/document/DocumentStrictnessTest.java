package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A document is read as written or refused in one line naming the place: nothing is guessed or coerced. */
class DocumentStrictnessTest {
    private final DocumentReader reader = new DocumentReader();

    private static final String X = "{\"name\": \"x\", \"role\": \"input\", \"shape\": [2], \"init\": {\"kind\": \"ones\"}}";

    /** A valid document (y = sum(x)) with {@code tensor} in place of x's JSON and {@code extra} top-level fields. */
    private static String doc(String tensor, String node, String extra) {
        return "{\"formatVersion\": 1, " + extra + "\"tensors\": [" + tensor + "], \"nodes\": [" + node + "],"
                + " \"edges\": [{\"from\": \"x\", \"to\": \"y\", \"port\": \"input\"}]}";
    }

    private static String doc(String tensor) {
        return doc(tensor, "{\"name\": \"y\", \"op\": \"sum\"}", "");
    }

    private String refusal(String json) {
        return assertThrows(DocumentException.class, () -> reader.parse(json)).getMessage();
    }

    @Test
    void theDocumentsUsedHereAreValid() {
        assertEquals(OpKind.SUM, reader.parse(doc(X)).nodes().get(0).op());
    }

    @Test
    void anOpGivenAsANumberIsRefusedNotReadAsAPositionInTheList() {
        String message = refusal(doc(X, "{\"name\": \"y\", \"op\": 2}", ""));
        assertTrue(message.startsWith("nodes[0].op: 2 is not one of: add, sub, mul, div, neg,"), message);
    }

    @Test
    void aRoleGivenAsANumberIsRefused() {
        assertEquals("tensors[0].role: 1 is not one of: input, parameter, constant",
                refusal(doc(X.replace("\"input\"", "1"))));
    }

    @Test
    void aRankdirGivenAsANumberIsRefused() {
        assertEquals("view.rankdir: 0 is not one of: TB, LR", refusal(doc(X, "{\"name\": \"y\", \"op\": \"sum\"}",
                "\"view\": {\"rankdir\": 0}, ")));
    }

    @Test
    void aFractionalSizeIsRefusedNotTruncated() {
        assertEquals("tensors[0].shape[0]: 5.5 is not a whole number", refusal(doc(X.replace("[2]", "[5.5]"))));
    }

    @Test
    void aFractionalSeedIsRefusedNotTruncated() {
        assertEquals("seed: 1.5 is not a whole number", refusal(doc(X, "{\"name\": \"y\", \"op\": \"sum\"}",
                "\"seed\": 1.5, ")));
    }

    @Test
    void aSeedWrittenAsTextIsRefused() {
        assertEquals("seed: \"0\" is not a whole number (write it without quotes)",
                refusal(doc(X, "{\"name\": \"y\", \"op\": \"sum\"}", "\"seed\": \"0\", ")));
    }

    @Test
    void aFlagWrittenAsANumberIsRefused() {
        assertEquals("tensors[0].requires_grad: 1 is not true or false",
                refusal(doc(X.replace("\"init\"", "\"requires_grad\": 1, \"init\""))));
    }

    @Test
    void fullWithoutAValueIsRefusedNotFilledWithZero() {
        assertEquals("tensors[0].init: \"value\" is missing",
                refusal(doc(X.replace("{\"kind\": \"ones\"}", "{\"kind\": \"full\"}"))));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingThePlace() {
        // the second "name" takes columns 48 to 53: Jackson names the column after it, as for any token
        assertEquals("tensors[0]: \"name\" is given twice (line 1, column 54)",
                refusal(doc(X.replace("\"role\"", "\"name\": \"z\", \"role\""))));
    }

    @Test
    void aNullInAListNamesItsPlace() {
        String json = doc(X).replace("\"edges\": [", "\"edges\": [{\"from\": \"x\", \"to\": \"y\", \"port\": \"input\"}, "
                + "{\"from\": \"x\", \"to\": \"y\", \"port\": \"input\"}, null, ");
        assertEquals("edges[2]: null is not an edge (remove it)", refusal(json));
    }

    @Test
    void aNullSizeNamesItsPlace() {
        assertEquals("tensors[0].shape[1]: null is not a whole number", refusal(doc(X.replace("[2]", "[2, null]"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // NaN takes columns 84 to 86: Jackson names the column after it; the comment starts at column 84
        "NaN|malformed JSON at line 1, column 87: NaN is not a JSON number (JSON has no NaN or Infinity)",
        "// two|malformed JSON at line 1, column 84: JSON has no comments",
    })
    void malformedJsonIsOneLineWithoutJacksonsHints(String value, String expected) {
        String message = refusal(doc(X.replace("[2]", "[2], \"x\": " + value + "\n")));
        assertAll(
                () -> assertEquals(expected, message),
                () -> assertFalse(message.contains("enable"), message),
                () -> assertFalse(message.contains("Feature"), message));
    }

    @Test
    void aNameWithAnEscapeByteIsQuotedWithTheByteWrittenOut() {
        String message = refusal(doc(X.replace("\"x\"", "\"x\\u001b[31m\"")));
        assertAll(
                () -> assertTrue(message.startsWith("tensors[0] \"x\\u001b[31m\": name \"x\\u001b[31m\" is not"),
                        message),
                () -> assertFalse(message.contains("\u001b"), message));
    }

    @Test
    void aNameWithANewlineIsQuotedOnOneLine() {
        String message = refusal(doc(X.replace("\"x\"", "\"a\\nb\"")));
        assertAll(
                () -> assertTrue(message.startsWith("tensors[0] \"a\\nb\": name \"a\\nb\" is not"), message),
                () -> assertFalse(message.contains("\n"), message));
    }

    @Test
    void anUnknownFieldWithAnEscapeByteIsQuoted() {
        String message = refusal(doc(X.replace("\"init\"", "\"\\u001b[2J\": 1, \"init\"")));
        assertEquals("tensors[0]: unknown field \"\\u001b[2J\"", message);
    }

    @Test
    void anEdgeNamingAMissingTensorWithANewlineIsQuoted() {
        String message = refusal(doc(X).replace("{\"from\": \"x\"", "{\"from\": \"q\\nr\""));
        assertEquals("edges[0]: \"from\" \"q\\nr\" names no tensor or node", message);
    }

    @Test
    void aSizeBeyondAnIntIsRefusedNamingItsPlace() {
        assertEquals("tensors[0].shape[0]: 3000000000 is out of range (-2147483648 to 2147483647)",
                refusal(doc(X.replace("[2]", "[3000000000]"))));
    }

    @Test
    void aShapeLargerThanTheHeapIsRefusedInOneLineBeforeAnythingIsAllocated() {
        // 40000 x 40000 elements at 8 bytes each is 12.8 GB
        assumeTrue(Runtime.getRuntime().maxMemory() < 40_000L * 40_000 * 8, "the heap holds the tensor");
        String message = refusal(doc(X.replace("[2]", "[40000, 40000]")));
        assertAll(
                () -> assertTrue(message.startsWith("tensors[0] \"x\": shape (40000, 40000) has 1600000000 elements;"
                        + " gradviz has memory for "), message),
                () -> assertTrue(message.endsWith(": use a smaller shape, or give Java more memory (-Xmx)"), message));
    }

    @Test
    void aShapeWhoseElementCountOverflowsIsRefusedInOneLine() {
        String message = refusal(doc(X.replace("[2]", "[2147483647, 2147483647, 2147483647]")));
        assertTrue(message.startsWith("tensors[0] \"x\": shape (2147483647, 2147483647, 2147483647) has more than "),
                message);
    }
}
