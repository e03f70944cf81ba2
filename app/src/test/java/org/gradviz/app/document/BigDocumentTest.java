package org.gradviz.app.document;

import static org.gradviz.app.document.ChainDocuments.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documents of 100,000 boxes (graphs that big are legal): every walk over them is a loop, not a recursion, and
 * reading, checking and compiling one is linear. The bounds are minutes below what a quadratic step takes at this
 * size (each name looked up by a scan, a reachability walk per edge: several minutes) and many times what the
 * linear code needs on a busy two-core machine (a few seconds). The walks run on a fresh thread with the JVM's
 * default stack, smaller than the main thread's.
 */
class BigDocumentTest {
    private static final int BOXES = 100_000;
    private static final Duration LINEAR = Duration.ofSeconds(30);

    @Test
    void aChainOfAHundredThousandBoxesIsReadCompiledAndRunBackward() {
        String json = new DocumentWriter().toJson(ChainDocuments.chain(BOXES));

        CompiledDocument compiled = assertTimeoutPreemptively(LINEAR, () -> {
            GraphDocument document = new DocumentReader().parse(json);
            CompiledDocument c = new DocumentCompiler().compile(document);
            c.backward();
            return c;
        });

        assertEquals(op(BOXES - 1), compiled.outputName());
        // d(x * 1.0 * ... * 1.0)/dx = 1, and x = 1 gives every value 1
        assertEquals(1.0, compiled.tensor(op(BOXES - 1)).item());
        assertEquals(1.0, compiled.tensor("x").gradOrNull().item());
    }

    @Test
    void aChainListedLastOpFirstIsCheckedForCyclesInOnePass() {
        // edge by edge, each new edge's check walked the whole chain after it: quadratic
        String json = new DocumentWriter().toJson(ChainDocuments.reversedChain(BOXES));

        GraphDocument document = assertTimeoutPreemptively(LINEAR, () -> new DocumentReader().parse(json));

        assertEquals(BOXES - 1, document.edges().size());
    }

    @Test
    void theCompilerRunsAChainListedLastOpFirstInChainOrder() {
        GraphDocument reversed = ChainDocuments.reversedChain(BOXES);

        List<Integer> order = assertTimeoutPreemptively(LINEAR, () -> DocumentCompiler.topologicalOrder(reversed));

        // m1 is listed last (index BOXES - 2), the output m(BOXES-1) first (index 0)
        assertEquals(BOXES - 1, order.size());
        assertEquals(op(1), reversed.nodes().get(order.get(0)).name());
        assertEquals(op(BOXES - 1), reversed.nodes().get(order.get(order.size() - 1)).name());
    }

    @Test
    void reachabilityWalksTheWholeChainWithoutRecursion() {
        GraphDocument chain = ChainDocuments.chain(BOXES);

        assertTimeoutPreemptively(LINEAR, () -> {
            assertTrue(Reachability.reaches(chain, "x", op(BOXES - 1)));
            assertFalse(Reachability.reaches(chain, op(BOXES - 1), "x"));
        });
    }

    @Test
    void namesAreLookedUpInTheWholeChain() {
        GraphDocument chain = ChainDocuments.chain(BOXES);

        assertTimeoutPreemptively(LINEAR, () -> {
            for (int i = 1; i < BOXES; i++) {
                assertEquals(op(i), chain.node(op(i)).orElseThrow().name());
                assertEquals(i == 1 ? "x" : op(i - 1), chain.edgesInto(op(i)).get(0).from());
            }
        });
        assertEquals("x", chain.tensor("x").orElseThrow().name());
        assertTrue(chain.node("x").isEmpty(), "x is a tensor, not a node");
        assertEquals(List.of(), chain.edgesInto("x"));
    }
}
