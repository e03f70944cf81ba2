package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    @Test
    void columnsFollowTheLongestPathAndSourcesSitBeforeTheirFirstConsumer() {
        GraphDocument seed = new DocumentReader().read(Cells.example("one-layer-bce.json"));
        // xw = x @ w is column 1, z = xw + b column 2, loss column 3; b feeds z, y feeds loss;
        // within a column: tensors first, then nodes, each in document order
        assertEquals(Map.of(
                "x", new Position(0, 0), "w", new Position(0, 100),
                "b", new Position(160, 0), "xw", new Position(160, 100),
                "y", new Position(320, 0), "z", new Position(320, 100),
                "loss", new Position(480, 0)), LayeredLayout.positions(seed));
    }

    @Test
    void aChainOfAHundredThousandBoxesIsLaidOutOneColumnEachInLinearTime() {
        int boxes = 100_000;
        GraphDocument chain = org.gradviz.app.document.ChainDocuments.chain(boxes);

        // each name's inputs were found by a scan of every edge: quadratic, minutes at this size
        Map<String, Position> places = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> LayeredLayout.positions(chain));

        // x feeds m1 (column 1), so sits in column 0; m_i is one column after m_(i-1); one box a column, row 0
        assertEquals(boxes, places.size());
        assertEquals(new Position(0, 0), places.get("x"));
        for (int i = 1; i < boxes; i++) {
            assertEquals(new Position(i * LayeredLayout.COLUMN_WIDTH, 0), places.get("m" + i));
        }
    }
}
