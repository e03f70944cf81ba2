package org.gradviz.app.editor.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * What the inspector's start_dim and end_dim fields do to a flatten node: an undoable edit of that attribute only,
 * an empty field back to the default, and a dimension the input lacks shown as the node's error in torch's words.
 */
class FlattenInspectorTest {

    /** x [2, 3, 4] flattened by the palette's flatten node (start_dim 0, end_dim -1). */
    private static EditorModel model() {
        TensorSource x = new TensorSource("x", TensorRole.INPUT, List.of(2, 3, 4), null, false, new Initializer.Ones());
        GraphDocument d = new GraphDocument(GraphDocument.CURRENT_VERSION, "flatten", null, List.of(x),
                List.of(OpKind.FLATTEN.newNode("flat")), List.of(new Connection("x", "flat", "input")), "flat", null,
                null);
        return new EditorModel(d, null);
    }

    private static OpNode flat(EditorModel model) {
        return model.document().node("flat").orElseThrow();
    }

    private static Evaluation evaluate(EditorModel model) {
        GraphDocument d = model.document();
        return GraphEvaluator.run(d, GraphEvaluator.makeLeaves(d), false);
    }

    @Test
    void editingStartDimChangesOnlyItAndTheShapeAndCanBeUndone() {
        EditorModel model = model();
        assertTrue(model.updateNode("flat", OpAttributes.withFlattenDims(flat(model), 1, flat(model).endDim())));
        assertEquals(1, flat(model).startDim());
        assertEquals(-1, flat(model).endDim());
        assertEquals(List.of(2, 12), java.util.Arrays.stream(evaluate(model).values().get("flat").size()).boxed()
                .toList());
        model.undo();
        assertEquals(0, flat(model).startDim());
    }

    @Test
    void anEmptyFieldClearsTheAttributeToTorchFlattensDefault() {
        EditorModel model = model();
        model.updateNode("flat", OpAttributes.withFlattenDims(flat(model), null, 1));
        assertEquals(null, flat(model).startDim());
        // start_dim 0 (the default) to end_dim 1: [2, 3, 4] is [6, 4]
        assertEquals(List.of(6, 4), java.util.Arrays.stream(evaluate(model).values().get("flat").size()).boxed()
                .toList());
    }

    @Test
    void aDimensionTheInputLacksIsTheNodesErrorInTorchsWords() {
        EditorModel model = model();
        model.updateNode("flat", OpAttributes.withFlattenDims(flat(model), 3, -1));
        assertEquals("flatten: Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                evaluate(model).errors().get("flat"));
    }

    @Test
    void aStartAfterTheEndIsTheNodesErrorInTorchsWords() {
        EditorModel model = model();
        model.updateNode("flat", OpAttributes.withFlattenDims(flat(model), 2, 1));
        assertEquals("flatten: flatten() has invalid args: start_dim cannot come after end_dim",
                evaluate(model).errors().get("flat"));
    }
}
