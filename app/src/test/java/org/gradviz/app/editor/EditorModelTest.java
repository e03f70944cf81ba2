package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.GoldenCases;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

class EditorModelTest {
    private static final GoldenCases.SeedNet GOLDEN = GoldenCases.SeedNet.load();
    private final EditorModel model = new EditorModel();

    @Test
    void seedNetBuiltWithEditorCommandsGivesPyTorchsLossAndGradients() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();

        assertEquals(GOLDEN.loss(), value("loss").item(), 1e-6);
        assertClose(GOLDEN.wGrad(), grad("w").data(), 1);
        assertClose(GOLDEN.bGrad(), grad("b").data(), 1);
        List<String> console = consoleTexts();
        assertEquals(List.of(">>> matmul = torch.matmul(x, w)", ">>> add = matmul + b",
                ">>> loss = F.binary_cross_entropy_with_logits(add, y)", ">>> loss",
                "tensor(0.6819, grad_fn=<BinaryCrossEntropyWithLogitsBackward0>)", ">>> loss.backward()"),
                console.subList(0, 6));
    }

    @Test
    void secondBackwardWithoutRetainGraphShowsPyTorchsError() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        model.backward();

        String expected = "RuntimeError: " + GoldenCases.find("c_second_backward_error")
                .get("records").get("error").get("message").asText();
        assertEquals(expected, lastConsoleLine().text());
        assertEquals(ConsoleLine.Kind.ERROR, lastConsoleLine().kind());
        assertEquals(expected, model.statusProperty().get());
    }

    @Test
    void backwardTwiceWithRetainGraphDoublesTheGradients() {
        SeedNetBuilder.build(model);
        model.retainGraphProperty().set(true);
        model.forward();
        model.backward();
        model.backward();

        assertClose(GOLDEN.bGrad(), grad("b").data(), 2);
    }

    @Test
    void stepMovesEachParameterAgainstItsGradientByTheLearningRate() {
        SeedNetBuilder.build(model);
        model.learningRateProperty().set(0.5);
        model.forward();
        model.backward();
        double[] w = value("w").data().clone();
        model.step();

        double[] moved = value("w").data();
        for (int i = 0; i < w.length; i++) {
            // SGD: w ← w − lr·∂loss/∂w, in float32
            assertEquals((float) (w[i] - (float) (0.5 * GOLDEN.wGrad()[i])), moved[i], 1e-6, "w[" + i + "]");
        }
    }

    @Test
    void backwardAgainAfterStepReusesTheRetainedGraphAndAccumulates() {
        // As in torch: mm saved x (not w) and add saved nothing, so the step's in-place update of w and b
        // does not invalidate the graph; the second backward adds the same gradients again.
        SeedNetBuilder.build(model);
        model.retainGraphProperty().set(true);
        model.forward();
        model.backward();
        model.step();
        model.backward();

        assertEquals(ConsoleLine.Kind.OUTPUT, lastConsoleLine().kind());
        assertClose(GOLDEN.bGrad(), grad("b").data(), 2);
    }

    @Test
    void zeroGradsLeavesZerosAsPyTorch113Does() {
        SeedNetBuilder.build(model);
        model.forward();
        model.backward();
        model.zeroGrads();

        for (double g : grad("w").data()) {
            assertEquals(0.0, g);
        }
    }

    @Test
    void forwardUnderNoGradGivesAnOutputBackwardRefuses() {
        SeedNetBuilder.build(model);
        model.noGradProperty().set(true);
        model.forward();
        model.backward();

        assertEquals("RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn",
                lastConsoleLine().text());
    }

    @Test
    void detachingTheProductLeavesWWithoutAGradient() {
        SeedNetBuilder.build(model);
        model.selectOnly("matmul");
        model.detachSelected();
        model.forward();
        model.backward();

        assertNull(model.stateProperty().get().element("w").orElseThrow().grad());
        assertClose(GOLDEN.bGrad(), grad("b").data(), 1);
        assertEquals(List.of("matmul_detached"), model.selection());
    }

    @Test
    void undoingEveryEditReturnsToTheEmptyDocumentAndRedoBuildsItAgain() {
        SeedNetBuilder.build(model);
        GraphDocument built = model.document();
        while (model.history().canUndoProperty().get()) {
            model.undo();
        }
        assertEquals(EditorModel.emptyDocument(), model.document());
        assertFalse(model.history().unsavedProperty().get(), "back at the state it was opened in");

        while (model.history().canRedoProperty().get()) {
            model.redo();
        }
        assertEquals(built, model.document());
    }

    @Test
    void titleMarksUnsavedChangesUntilSaved() {
        model.markSaved(Path.of("/tmp/net.json"));
        assertEquals("net.json — gradviz", model.titleProperty().get());

        model.addOp(OpKind.SIN, new Position(0, 0));
        assertEquals("• net.json — gradviz", model.titleProperty().get());

        model.undo();
        assertEquals("net.json — gradviz", model.titleProperty().get());
    }

    @Test
    void aTakenPortIsRefusedWithTheEdgeToDeleteFirst() {
        SeedNetBuilder.build(model);
        ConnectionVerdict verdict = model.connect("x", "add", "other");

        assertFalse(verdict.allowed());
        assertEquals("input \"other\" of add is already connected to b: delete that edge first", verdict.reason());
    }

    @Test
    void anEdgeThatClosesACycleIsRefused() {
        SeedNetBuilder.build(model);
        model.addOp(OpKind.MUL, new Position(0, 0));
        model.connect("loss", "mul", "input");
        model.connect("mul", "add", "other"); // taken, so free it first
        model.disconnect(new org.gradviz.app.document.Connection("b", "add", "other"));

        ConnectionVerdict verdict = model.checkConnection("mul", "add", "other");

        assertEquals(ConnectionVerdict.forbidden("edge mul -> add would make a cycle"), verdict);
    }

    @Test
    void aShapeTheEngineRefusesIsRefusedWithItsMessage() {
        model.addSource(TensorRole.INPUT, new Position(0, 0)); // x: ones(3)
        model.addSource(TensorRole.PARAMETER, new Position(0, 0)); // w: randn(3)
        model.updateTensor("w", new org.gradviz.app.document.TensorSource("w", TensorRole.PARAMETER,
                List.of(4, 3), null, true, new org.gradviz.app.document.Initializer.Randn()));
        model.addOp(OpKind.MATMUL, new Position(0, 0));
        model.connect("x", "matmul", "input");

        ConnectionVerdict verdict = model.connect("w", "matmul", "other");

        assertEquals(ConnectionVerdict.forbidden("matmul: shapes (3) and (4, 3) cannot be multiplied"), verdict);
        assertEquals(1, model.document().edges().size(), "the refused edge is not drawn");
    }

    @Test
    void deletingANodeTakesItsEdgesAndUndoBringsThemBack() {
        SeedNetBuilder.build(model);
        GraphDocument before = model.document();
        model.selectOnly("add");
        model.deleteSelection();

        assertTrue(model.document().edges().stream().noneMatch(e -> e.from().equals("add") || e.to().equals("add")));
        model.undo();
        assertEquals(before, model.document());
    }

    @Test
    void pasteRenamesCopiesAndKeepsTheEdgesAmongThem() {
        SeedNetBuilder.build(model);
        model.selection().setAll("x", "w", "matmul");
        model.copySelection();
        model.paste();

        assertEquals(List.of("x1", "w1", "matmul1"), model.selection());
        assertTrue(model.document().edges().contains(new org.gradviz.app.document.Connection("x1", "matmul1", "input")));
        assertTrue(model.document().edges().contains(new org.gradviz.app.document.Connection("w1", "matmul1", "other")));
        assertEquals(new Position(EditorModel.PASTE_OFFSET, EditorModel.PASTE_OFFSET), model.document().positions().get("x1"));
    }

    @Test
    void aShapeErrorMarksTheNodeWithTheEnginesMessage() {
        SeedNetBuilder.build(model);
        model.updateTensor("b", new org.gradviz.app.document.TensorSource("b", TensorRole.PARAMETER, List.of(4),
                null, true, new org.gradviz.app.document.Initializer.Randn()));

        String error = model.stateProperty().get().element("add").orElseThrow().error();
        assertEquals("add: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                error);
    }

    @Test
    void shapesAreKnownForEveryConnectedNodeBeforeAnyRun() {
        SeedNetBuilder.build(model);
        GraphState state = model.stateProperty().get();
        assertEquals(List.of(3), List.of(boxed(state.element("matmul").orElseThrow().shape())));
        assertEquals(0, state.element("loss").orElseThrow().shape().length);
        assertNull(state.element("loss").orElseThrow().value(), "no value before Forward");
    }

    @Test
    void movesAreOneUndoableEditPerDrag() {
        SeedNetBuilder.build(model);
        int edits = model.history().undoSize();
        model.moveTo(Map.of("x", new Position(10, 20), "w", new Position(30, 40)));
        assertEquals(edits + 1, model.history().undoSize());
        model.undo();
        assertEquals(new Position(0, 0), model.document().positions().get("x"));
    }

    @Test
    void renamingToATakenNameIsRefused() {
        SeedNetBuilder.build(model);
        boolean changed = model.updateTensor("x", new org.gradviz.app.document.TensorSource("w", TensorRole.INPUT,
                List.of(5), null, false, new org.gradviz.app.document.Initializer.Ones()));
        assertFalse(changed);
        assertEquals("The name \"w\" is already used: pick another", model.statusProperty().get());
    }

    @Test
    void addingAnOpSaysWhichOpAndWhichNameInQuotes() {
        model.addOp(OpKind.ADD, new Position(0, 0));
        assertEquals("Added add \"add\"", model.statusProperty().get());
        model.addOp(OpKind.MATMUL, new Position(0, 0));
        assertEquals("Added matmul \"matmul\"", model.statusProperty().get());
    }

    @Test
    void addingASourceSaysWhichRoleAndWhichNameInQuotes() {
        model.addSource(TensorRole.PARAMETER, new Position(0, 0));
        assertEquals("Added parameter \"w\"", model.statusProperty().get());
    }

    @Test
    void undoingAnAddNamesTheElementInQuotes() {
        model.addOp(OpKind.ADD, new Position(0, 0));
        model.undo();
        assertEquals("Undid: Add add \"add\"", model.statusProperty().get());
    }

    @Test
    void renamingKeepsTheRenamedBoxSelected() {
        SeedNetBuilder.build(model);
        model.selectOnly("b");
        model.updateTensor("b", new org.gradviz.app.document.TensorSource("bias", TensorRole.PARAMETER, List.of(3),
                null, true, new org.gradviz.app.document.Initializer.Randn()));
        assertEquals(List.of("bias"), model.selection());
    }

    @Test
    void renamingAnOpKeepsItSelected() {
        SeedNetBuilder.build(model);
        model.selectOnly("add");
        model.updateNode("add", GraphEdits.renamed(model.document().node("add").orElseThrow(), "z"));
        assertEquals(List.of("z"), model.selection());
    }

    @Test
    void renamingToItsOwnNameChangesNothingAndSaysNothing() {
        SeedNetBuilder.build(model);
        model.selectOnly("b");
        String status = model.statusProperty().get();
        int edits = model.history().undoSize();
        boolean changed = model.updateTensor("b", model.document().tensor("b").orElseThrow());
        assertFalse(changed);
        assertEquals(edits, model.history().undoSize());
        assertEquals(status, model.statusProperty().get());
        assertEquals(List.of("b"), model.selection());
    }

    @Test
    void anUpdateOfABoxThatWasRenamedSinceChangesNothingAndSaysNothing() {
        SeedNetBuilder.build(model);
        model.selectOnly("b");
        org.gradviz.app.document.TensorSource bias = new org.gradviz.app.document.TensorSource("bias",
                TensorRole.PARAMETER, List.of(3), null, true, new org.gradviz.app.document.Initializer.Randn());
        model.updateTensor("b", bias);
        String status = model.statusProperty().get();
        int edits = model.history().undoSize();

        boolean changed = model.updateTensor("b", bias);

        assertFalse(changed, "the form of b is stale: b is now bias");
        assertEquals(edits, model.history().undoSize());
        assertEquals(status, model.statusProperty().get());
        assertEquals(List.of("bias"), model.selection());
    }

    @Test
    void loadingAnotherDocumentClearsTheConsoleAndNotesTheFileOpened() {
        SeedNetBuilder.build(model);
        model.forward();
        assertFalse(model.console().isEmpty());

        model.load(EditorModel.emptyDocument(), Path.of("other.json"));

        assertEquals(List.of("# Opened other.json"), consoleTexts());
    }

    @Test
    void placingTheBoxesOfTheDocumentJustLoadedIsPartOfTheLoad() {
        SeedNetBuilder.build(model);
        model.load(model.document(), null);
        int load = model.loadsProperty().get();

        assertTrue(model.placeLoaded(load, Map.of("x", new Position(500, 60))));

        assertEquals(new Position(500, 60), model.document().positions().get("x"));
        assertFalse(model.history().canUndoProperty().get(), "nothing to undo");
        assertFalse(model.history().unsavedProperty().get(), "nothing unsaved");
    }

    @Test
    void aLayoutForTheLoadedDocumentIsDroppedOnceItWasEdited() {
        SeedNetBuilder.build(model);
        model.load(model.document(), null);
        int load = model.loadsProperty().get();
        model.moveTo(Map.of("x", new Position(10, 10)));

        assertFalse(model.placeLoaded(load, Map.of("x", new Position(500, 60))));
        assertEquals(new Position(10, 10), model.document().positions().get("x"));
    }

    @Test
    void aLayoutForAnEarlierDocumentIsDropped() {
        SeedNetBuilder.build(model);
        model.load(model.document(), null);
        int load = model.loadsProperty().get();
        model.load(model.document(), null);

        assertFalse(model.placeLoaded(load, Map.of("x", new Position(500, 60))));
        assertEquals(new Position(0, 0), model.document().positions().get("x"));
    }

    private static Integer[] boxed(int[] shape) {
        return java.util.Arrays.stream(shape).boxed().toArray(Integer[]::new);
    }

    private TensorValue value(String name) {
        return model.stateProperty().get().element(name).orElseThrow().value();
    }

    private TensorValue grad(String name) {
        return model.stateProperty().get().element(name).orElseThrow().grad();
    }

    private List<String> consoleTexts() {
        return model.console().stream().map(ConsoleLine::text).toList();
    }

    private ConsoleLine lastConsoleLine() {
        return model.console().get(model.console().size() - 1);
    }

    private static void assertClose(double[] expected, double[] actual, double factor) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(factor * expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }
}
