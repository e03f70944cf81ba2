package org.gradviz.app.editor.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.Evaluation;
import org.gradviz.app.editor.GraphEvaluator;
import org.junit.jupiter.api.Test;

/**
 * What the inspector's shape field does to a view node: the text {@code 1, -1} or {@code [1, -1]} is an undoable
 * edit of the sizes only; text that is no list of whole numbers changes nothing; sizes that do not fit the input are
 * the node's error in torch's words.
 */
class ViewInspectorTest {

    /** x [2, 3] viewed by the palette's view node (shape [-1]). */
    private static EditorModel model() {
        TensorSource x = new TensorSource("x", TensorRole.INPUT, List.of(2, 3), null, false, new Initializer.Ones());
        GraphDocument d = new GraphDocument(GraphDocument.CURRENT_VERSION, "view", null, List.of(x),
                List.of(OpKind.VIEW.newNode("v")), List.of(new Connection("x", "v", "input")), "v", null, null);
        return new EditorModel(d, null);
    }

    private static OpNode v(EditorModel model) {
        return model.document().node("v").orElseThrow();
    }

    private static Evaluation evaluate(EditorModel model) {
        GraphDocument d = model.document();
        return GraphEvaluator.run(d, GraphEvaluator.makeLeaves(d), false);
    }

    private static List<Integer> size(EditorModel model) {
        return java.util.Arrays.stream(evaluate(model).values().get("v").size()).boxed().toList();
    }

    @Test
    void thePaletteViewFlattensAndShowsItsShapeAsTheFieldText() {
        EditorModel model = model();
        assertEquals(List.of(-1L), v(model).shape());
        assertEquals("-1", OpAttributes.shapeText(v(model)));
        assertEquals(List.of(6), size(model));
    }

    @Test
    void typingOneMinusOneChangesOnlyTheShapeAndCanBeUndone() {
        EditorModel model = model();
        OpNode before = v(model);
        assertTrue(model.updateNode("v", OpAttributes.withShape(before, "1, -1").orElseThrow()));
        assertEquals(List.of(1L, -1L), v(model).shape());
        assertEquals(OpKind.VIEW, v(model).op());
        assertEquals(List.of(1, 6), size(model));
        assertEquals("1, -1", OpAttributes.shapeText(v(model)));
        model.undo();
        assertEquals(before, v(model));
        assertEquals(List.of(6), size(model));
        model.redo();
        assertEquals(List.of(1L, -1L), v(model).shape());
    }

    @Test
    void bracketsAndPythonsTupleOfOneAreReadToo() {
        OpNode n = OpKind.VIEW.newNode("v");
        assertEquals(List.of(3L, -1L), OpAttributes.withShape(n, "[3, -1]").orElseThrow().shape());
        assertEquals(List.of(6L), OpAttributes.withShape(n, " (6,) ").orElseThrow().shape());
        assertEquals(List.of(), OpAttributes.withShape(n, "()").orElseThrow().shape());
    }

    @Test
    void textThatIsNoListOfWholeNumbersChangesNothing() {
        OpNode n = OpKind.VIEW.newNode("v");
        assertEquals(Optional.empty(), OpAttributes.withShape(n, "1.5, 4"));
        assertEquals(Optional.empty(), OpAttributes.withShape(n, "two"));
        assertEquals(Optional.empty(), OpAttributes.withShape(n, "1,,2"));
        assertEquals(Optional.empty(), OpAttributes.withShape(n, ""));
    }

    @Test
    void sizesThatDoNotFitTheInputAreTheNodesErrorInTorchsWords() {
        EditorModel model = model();
        model.updateNode("v", OpAttributes.withShape(v(model), "2, 5").orElseThrow());
        assertEquals("view: shape '[2, 5]' is invalid for input of size 6", evaluate(model).errors().get("v"));
    }

    @Test
    void twoInferredSizesAreTheNodesErrorInTorchsWords() {
        EditorModel model = model();
        model.updateNode("v", OpAttributes.withShape(v(model), "-1, -1").orElseThrow());
        assertEquals("view: only one dimension can be inferred", evaluate(model).errors().get("v"));
    }
}
