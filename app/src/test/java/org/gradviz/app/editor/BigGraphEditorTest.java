package org.gradviz.app.editor;

import static org.gradviz.app.document.ChainDocuments.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gradviz.app.document.ChainDocuments;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.junit.jupiter.api.Test;

/**
 * The editor on a chain of 100,000 boxes: loading it (preview, requires-grad marks, the autograd view's graph),
 * Forward and Backward with their recording, and the cycle check of a new connection all walk it in loops and in
 * linear time, on a thread with the JVM's default stack.
 */
class BigGraphEditorTest {
    private static final int BOXES = 100_000;
    private static final Duration LINEAR = Duration.ofSeconds(120);

    /** The chain with m1 an add whose "other" is free, so the end of the chain could be wired back into it. */
    private static GraphDocument chainWithAFreeInputAtItsStart() {
        GraphDocument chain = ChainDocuments.chain(BOXES);
        List<OpNode> nodes = new ArrayList<>(chain.nodes());
        nodes.set(0, OpNode.of(op(1), OpKind.ADD));
        return new GraphDocument(chain.formatVersion(), chain.title(), chain.seed(), chain.tensors(), nodes,
                chain.edges(), chain.output(), chain.positions(), chain.view());
    }

    @Test
    void aHundredThousandBoxChainLoadsRunsForwardAndBackward() {
        EditorModel model = assertTimeoutPreemptively(LINEAR, () -> {
            EditorModel m = new EditorModel(ChainDocuments.chain(BOXES), null);
            m.forward();
            m.backward();
            return m;
        });

        GraphState state = model.stateProperty().get();
        assertEquals(BOXES, state.elements().size());
        // x = 1 times 1.0, 99,999 times: every value 1, and d(out)/dx = 1
        assertEquals(1.0, state.element(op(BOXES - 1)).orElseThrow().value().item());
        assertEquals(1.0, state.element("x").orElseThrow().grad().item());
        assertTrue(state.element(op(BOXES - 1)).orElseThrow().gradExpected(), "fed by x, which requires grad");
    }

    @Test
    void wiringTheEndOfAHundredThousandBoxChainBackToItsStartIsRefusedAsACycle() {
        EditorModel model = new EditorModel(chainWithAFreeInputAtItsStart(), null);

        ConnectionVerdict verdict = assertTimeoutPreemptively(LINEAR,
                () -> model.checkConnection(op(BOXES - 1), op(1), "other"));

        assertEquals(ConnectionVerdict.forbidden("edge " + op(BOXES - 1) + " -> " + op(1) + " would make a cycle"),
                verdict);
    }
}
