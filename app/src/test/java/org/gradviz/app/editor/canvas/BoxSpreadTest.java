package org.gradviz.app.editor.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxSpreadTest {

    @Test
    void boxesClearOfEachOtherAreDrawnWhereTheyAre() {
        assertEquals(1, BoxSpread.factor(List.of(new BoxSpread.Box(0, 0, 100, 50), new BoxSpread.Box(105, 0, 100, 50)),
                20));
    }

    @Test
    void twoBoxesSideBySideGrownIntoEachOtherAreSpreadToLeaveTheGap() {
        // a at 0 is 150 wide, b starts at 100: 100 · f = 150 + 20
        assertEquals(1.7, BoxSpread.factor(List.of(new BoxSpread.Box(0, 0, 150, 50),
                new BoxSpread.Box(100, 10, 150, 50)), 20), 1e-12);
    }

    @Test
    void theAxisNeedingLessSpreadSeparatesAPair() {
        // across: (200 + 0) / 100 = 2; down: (60 + 0) / 50 = 1.2
        assertEquals(1.2, BoxSpread.factor(List.of(new BoxSpread.Box(0, 0, 200, 60),
                new BoxSpread.Box(100, 50, 200, 60)), 0), 1e-12);
    }

    @Test
    void boxesAtOnePlaceAskForNothing() {
        assertEquals(1, BoxSpread.factor(List.of(new BoxSpread.Box(5, 5, 100, 50), new BoxSpread.Box(5, 5, 80, 40)),
                20));
    }

    @Test
    void theFactorIsTheLargestAnyOverlappingPairAsksFor() {
        // a-b: (100 + 10) / 50 = 2.2 across (down: b starts at a's row, never); c sits clear below
        assertEquals(2.2, BoxSpread.factor(List.of(new BoxSpread.Box(0, 0, 100, 40), new BoxSpread.Box(50, 0, 60, 40),
                new BoxSpread.Box(0, 500, 100, 40)), 10), 1e-12);
    }
}
