package org.gradviz.app.editor.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.ValueLabel;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DecimalText;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.Evaluation;
import org.gradviz.app.editor.GraphEvaluator;
import org.junit.jupiter.api.Test;

/**
 * An int64 source in the editor: the inspector's dtype int64 makes it as {@code .long()} would (one undoable edit),
 * a float target of nll_loss is the node's error in torch's words until it is made int64, and integers are shown
 * as integers.
 */
class IntegerSourceInspectorTest {

    /** Log-probabilities x [2, 3] (zeros, requiring grad) and a float target [2.7, 0.0] into an nll_loss node. */
    private static EditorModel model() {
        TensorSource x = new TensorSource("x", TensorRole.PARAMETER, List.of(2, 3), null, true,
                new Initializer.Zeros());
        TensorSource target = new TensorSource("target", TensorRole.INPUT, List.of(2), null, false,
                new Initializer.Values(List.of(2.7, 0.0)));
        GraphDocument d = new GraphDocument(GraphDocument.CURRENT_VERSION, "nll", null, List.of(x, target),
                List.of(OpKind.NLL_LOSS.newNode("loss")), List.of(new Connection("x", "loss", "input"),
                        new Connection("target", "loss", "target")), "loss", null, null);
        return new EditorModel(d, null);
    }

    private static TensorSource target(EditorModel model) {
        return model.document().tensor("target").orElseThrow();
    }

    private static Evaluation evaluate(EditorModel model) {
        GraphDocument d = model.document();
        return GraphEvaluator.run(d, GraphEvaluator.makeLeaves(d), false);
    }

    @Test
    void aFloatTargetIsTheNodesErrorInTorchsWords() {
        assertEquals("nll_loss: expected scalar type Long but found Float", evaluate(model()).errors().get("loss"));
    }

    @Test
    void choosingInt64MakesTheValuesWholeAsLongDoesAndCanBeUndone() {
        EditorModel model = model();
        assertTrue(model.updateTensor("target", target(model).asInt64()));
        TensorSource made = target(model);
        assertEquals("int64", made.dtype());
        assertEquals(new Initializer.Values(List.of(2.0, 0.0)), made.init()); // 2.7 rounds toward zero, as .long()
        assertFalse(made.requiresGrad());
        Evaluation run = evaluate(model);
        assertNull(run.errors().get("loss"));
        // every log-probability is 0, so the loss is -(0 + 0) / 2, which torch 1.13 prints tensor(0., ...)
        assertEquals("tensor(0.)", run.values().get("loss").toString()); // NOTE: run without recording a graph
        model.undo();
        assertNull(target(model).dtype());
    }

    @Test
    void aRandnSourceMadeInt64StartsFromZerosAndDropsRequiresGrad() {
        TensorSource drawn = new TensorSource("w", TensorRole.PARAMETER, List.of(3), null, true,
                new Initializer.Randn());
        TensorSource made = drawn.asInt64();
        assertEquals(new Initializer.Zeros(), made.init());
        assertFalse(made.requiresGrad());
    }

    @Test
    void aClassOutOfRangeIsTheNodesErrorInTorchsWords() {
        EditorModel model = model();
        TensorSource t = target(model);
        model.updateTensor("target", new TensorSource("target", t.role(), t.shape(), "int64", false,
                new Initializer.Values(List.of(5.0, 0.0))));
        assertEquals("nll_loss: Target 5 is out of bounds.", evaluate(model).errors().get("loss"));
    }

    @Test
    void integersAreShownAsIntegersAndFloatsWithFourDecimals() {
        assertEquals("3", DecimalText.of(3.0, "int64"));
        assertEquals("-100", DecimalText.of(-100.0, "int64"));
        assertEquals("3.0000", DecimalText.of(3.0, "float32"));
        assertEquals("[3, 1]", ValueLabel.of(new TensorValue(new int[] {2}, "int64", new double[] {3, 1})));
        assertEquals("7", ValueLabel.of(new TensorValue(new int[] {}, "int64", new double[] {7})));
    }
}
