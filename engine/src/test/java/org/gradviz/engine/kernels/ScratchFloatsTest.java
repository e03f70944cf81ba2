package org.gradviz.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ScratchFloatsTest {
    @Test
    void theSameLengthGetsTheSameArrayOnOneThread() {
        float[] first = ScratchFloats.take(3072);
        assertEquals(3072, first.length);
        assertSame(first, ScratchFloats.take(3072));
    }

    @Test
    void anotherLengthGetsAnArrayOfExactlyThatLength() {
        float[] a = ScratchFloats.take(16);
        float[] b = ScratchFloats.take(17);
        assertEquals(17, b.length);
        assertNotSame(a, b);
    }

    @Test
    void eachThreadHasItsOwnArray() throws Exception {
        float[] mine = ScratchFloats.take(64);
        float[] theirs = CompletableFuture.supplyAsync(() -> ScratchFloats.take(64)).get();
        assertNotSame(mine, theirs);
    }

    @Test
    void aVeryLongArrayIsNotHeld() {
        int length = (1 << 20) + 1;
        assertNotSame(ScratchFloats.take(length), ScratchFloats.take(length));
    }
}
