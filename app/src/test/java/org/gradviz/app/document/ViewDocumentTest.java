package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * View and reshape nodes in a document: their list-valued {@code shape} is read, saved, checked (naming the node)
 * and run as torch's {@code x.view(*size)} and {@code x.reshape(*shape)}, with torch 1.13's backward nodes.
 */
class ViewDocumentTest {
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();

    /** x of shape [2, 3] (values 1..6, requiring grad), {@code node} of it as "v", then loss = (v * v).sum(). */
    private static String doc(String node) {
        return "{\"formatVersion\": 1, \"tensors\": [{\"name\": \"x\", \"role\": \"parameter\", \"shape\": [2, 3], "
                + "\"requires_grad\": true, \"init\": {\"kind\": \"values\", \"data\": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}}"
                + "], \"nodes\": [" + node + ", {\"name\": \"sq\", \"op\": \"mul\"}, {\"name\": \"loss\", \"op\": \"sum\"}"
                + "], \"edges\": [{\"from\": \"x\", \"to\": \"v\", \"port\": \"input\"}, "
                + "{\"from\": \"v\", \"to\": \"sq\", \"port\": \"input\"}, {\"from\": \"v\", \"to\": \"sq\", \"port\": "
                + "\"other\"}, {\"from\": \"sq\", \"to\": \"loss\", \"port\": \"input\"}], \"output\": \"loss\"}";
    }

    private String refusal(String json) {
        return assertThrows(DocumentException.class, () -> reader.parse(json)).getMessage();
    }

    private static List<Integer> size(Tensor t) {
        return Arrays.stream(t.size()).boxed().toList();
    }

    @Test
    void theShapeIsReadAndSavedAsAJsonListOfInts() {
        GraphDocument d = reader.parse(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": [1, -1]}"));
        OpNode v = d.node("v").orElseThrow();
        assertEquals(OpKind.VIEW, v.op());
        assertEquals(List.of(1L, -1L), v.shape());
        String saved = writer.toJson(d);
        assertTrue(saved.replaceAll("\\s", "").contains("{\"name\":\"v\",\"op\":\"view\",\"shape\":[1,-1]}"), saved);
        assertEquals(d, reader.parse(saved));
    }

    @Test
    void anEmptyShapeIsAZeroDimensionalResultAndRoundTrips() {
        String json = doc("{\"name\": \"v\", \"op\": \"reshape\", \"shape\": []}").replace("\"shape\": [2, 3]",
                "\"shape\": [1]").replace("[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]", "[3.0]");
        GraphDocument d = reader.parse(json);
        assertEquals(List.of(), d.node("v").orElseThrow().shape());
        assertEquals(d, reader.parse(writer.toJson(d)));
        assertEquals(List.of(), size(new DocumentCompiler().compile(d).tensor("v")));
    }

    @Test
    void aViewRunsAsTorchsViewForwardAndBack() {
        CompiledDocument c = new DocumentCompiler().compile(
                reader.parse(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": [3, -1]}")));
        Tensor v = c.tensor("v");
        assertEquals(List.of(3, 2), size(v));
        assertEquals("ViewBackward0", v.gradFn().name()); // torch 1.13: x.view(3, -1).grad_fn
        c.backward();
        // d(sum(v*v))/dx = 2x, in x's own shape [2, 3]
        Tensor grad = c.tensor("x").gradOrNull();
        assertEquals(List.of(2, 3), size(grad));
        assertEquals(List.of(2.0, 4.0, 6.0, 8.0, 10.0, 12.0), Arrays.stream(grad.data()).boxed().toList());
    }

    @Test
    void aReshapeOfAContiguousInputRecordsReshapeAliasBackwardAsTorch113() {
        CompiledDocument c = new DocumentCompiler().compile(
                reader.parse(doc("{\"name\": \"v\", \"op\": \"reshape\", \"shape\": [6]}")));
        assertEquals("ReshapeAliasBackward0", c.tensor("v").gradFn().name()); // torch 1.13: x.reshape(6).grad_fn
        assertEquals(List.of(6), size(c.tensor("v")));
    }

    @Test
    void sizesThatDoNotFitTheInputFailAtRunInTorchsWordsNamingTheNode() {
        GraphDocument d = reader.parse(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": [2, 5]}"));
        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentCompiler().compile(d));
        // torch 1.13: RuntimeError: shape '[2, 5]' is invalid for input of size 6
        assertEquals("nodes[0] \"v\": view: shape '[2, 5]' is invalid for input of size 6", e.getMessage());
    }

    @Test
    void twoInferredSizesAreRefusedNamingTheNodeAndBothPlaces() {
        assertEquals("nodes[0] \"v\": shape [-1, 2, -1] has -1 at 0 and at 2, and only one dimension can be "
                + "inferred; give the other sizes",
                refusal(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": [-1, 2, -1]}")));
    }

    @Test
    void aSizeBelowMinusOneIsRefusedNamingTheNodeAndElement() {
        assertEquals("nodes[0] \"v\": shape[1] is -2, and a size is a whole number from 0 up, or -1 for the one size "
                + "inferred from the number of elements",
                refusal(doc("{\"name\": \"v\", \"op\": \"reshape\", \"shape\": [3, -2]}")));
    }

    @Test
    void aFractionalSizeIsRefusedAtItsPlace() {
        String message = refusal(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": [1.5, -1]}"));
        assertTrue(message.startsWith("nodes[0].shape[0]: 1.5 is not a whole number"), message);
    }

    @Test
    void aShapeThatIsNoListIsRefusedAtItsPlace() {
        String message = refusal(doc("{\"name\": \"v\", \"op\": \"view\", \"shape\": 6}"));
        assertTrue(message.startsWith("nodes[0].shape: "), message);
    }

    @Test
    void aViewWithoutShapeIsRefused() {
        assertEquals("nodes[0] \"v\": view needs a shape", refusal(doc("{\"name\": \"v\", \"op\": \"view\"}")));
    }

    @Test
    void anOpOtherThanViewOrReshapeTakesNoShape() {
        assertEquals("nodes[0] \"v\": flatten takes no attribute \"shape\"",
                refusal(doc("{\"name\": \"v\", \"op\": \"flatten\", \"shape\": [6]}")));
    }
}
