package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CycleCheckTest {

    private static Connection edge(String from, String to) {
        return new Connection(from, to, "input");
    }

    @Test
    void aChainHasNoCycle() {
        assertEquals(OptionalInt.empty(), CycleCheck.firstClosingEdge(
                ChainDocuments.reversedChain(1_000).edges()));
    }

    @Test
    void theFirstEdgeToCloseACycleIsNamedNotALaterOneOnIt() {
        // a -> b -> c, then c -> a closes a -> b -> c -> a (index 2); c -> b, on b -> c -> b, comes after it
        List<Connection> edges = List.of(edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "b"));

        assertEquals(OptionalInt.of(2), CycleCheck.firstClosingEdge(edges));
    }

    @Test
    void anEdgeFromANodeToItselfIsACycle() {
        assertEquals(OptionalInt.of(1), CycleCheck.firstClosingEdge(List.of(edge("a", "b"), edge("b", "b"),
                edge("a", "c"))));
    }

    @Test
    void aCycleFarDownALongListIsFoundAtItsClosingEdge() {
        GraphDocument chain = ChainDocuments.chain(10_000);
        List<Connection> edges = new java.util.ArrayList<>(chain.edges());
        edges.add(edge("m9999", "m5000"));
        edges.add(edge("m2", "m1"));

        assertEquals(OptionalInt.of(edges.size() - 2), CycleCheck.firstClosingEdge(edges));
    }

    @Test
    void aDocumentWithACycleIsRefusedNamingTheFirstEdgeThatClosesIt() {
        String json = """
                {"formatVersion": 1,
                 "tensors": [{"name": "a", "role": "input", "shape": [1], "init": {"kind": "ones"}}],
                 "nodes": [{"name": "p", "op": "add"}, {"name": "q", "op": "add"}],
                 "edges": [{"from": "a", "to": "p", "port": "input"}, {"from": "p", "to": "q", "port": "input"},
                           {"from": "q", "to": "p", "port": "other"}, {"from": "q", "to": "q", "port": "other"}]}
                """;

        DocumentException e = assertThrows(DocumentException.class, () -> new DocumentReader().parse(json));

        assertEquals("edge q -> p would make a cycle", e.getMessage());
    }
}
