package org.gradviz.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tile sizes follow what tiles cost the FX thread: about 20 ms each, within 512 and 2048 pixels a side. */
class TileBudgetTest {
    private static final long MS = 1_000_000L;

    @Test
    void theFirstTileIs512Square() {
        TileBudget budget = new TileBudget();
        assertEquals(512, budget.rowHeight());
        assertEquals(512, budget.width(512));
    }

    @Test
    void cheapTilesGrowUntilATileCostsTheTarget() {
        TileBudget budget = new TileBudget();
        budget.took(1_000_000, 5 * MS); // 5 ns a pixel: 20 ms buys 4,000,000 pixels
        assertEquals(4_000_000, budget.pixels());
        assertEquals(2000, budget.rowHeight());
        assertEquals(1953, budget.width(2048)); // 4,000,000 / 2048, rounded down
    }

    @Test
    void aSlowTileShrinksTheNextAtOnceButNeverBelow512Square() {
        TileBudget budget = new TileBudget();
        budget.took(1_000_000, 5 * MS);
        budget.took(1_000_000, 10 * MS); // slower: followed at once, 10 ns a pixel
        assertEquals(2_000_000, budget.pixels());
        budget.took(512 * 512, 200 * MS);
        assertEquals(512 * 512, budget.pixels());
        assertEquals(512, budget.rowHeight());
        assertEquals(512, budget.width(512));
    }

    @Test
    void aFasterTileIsFollowedHalfway() {
        TileBudget budget = new TileBudget();
        budget.took(1_000_000, 10 * MS);
        budget.took(1_000_000, 2 * MS); // 10 and 2 ns a pixel: 6 from now on
        assertEquals(20_000_000 / 6, budget.pixels());
    }

    @Test
    void theWindowGetsAboutAsLongAsTheLastTileTookBetweenTwoTiles() {
        TileBudget budget = new TileBudget();
        assertEquals(16 * MS, budget.pauseNanos(), "one frame before anything is known");
        budget.took(1_000_000, 40 * MS);
        assertEquals(40 * MS, budget.pauseNanos());
        budget.took(1_000_000, 2 * MS);
        assertEquals(16 * MS, budget.pauseNanos(), "at least a frame");
        budget.took(1_000_000, 900 * MS);
        assertEquals(100 * MS, budget.pauseNanos(), "at most a tenth of a second");
    }
}
