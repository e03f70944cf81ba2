package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code torch.set_default_dtype}: float32 until changed, float types only, one setting per thread. */
class DefaultDtypeTest {

    @AfterEach
    void restore() {
        DType.setDefaultFloat(DType.FLOAT32);
    }

    @Test
    void factoriesFollowTheDefaultOnceItIsFloat64() {
        assertEquals(DType.FLOAT32, Torch.zeros(2).dtype());
        DType previous = DType.setDefaultFloat(DType.FLOAT64);
        assertEquals(DType.FLOAT32, previous);
        assertEquals(DType.FLOAT64, Torch.zeros(2).dtype());
        assertEquals(DType.FLOAT64, Torch.scalar(0.1).dtype());
        assertEquals(0.1, Torch.scalar(0.1).item(), 0.0, "0.1 is kept in double precision");
    }

    @Test
    void aTypeThatIsNotFloatingPointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DType.setDefaultFloat(DType.INT64));
        assertEquals(DType.FLOAT32, DType.defaultFloat());
    }

    @Test
    void anotherThreadKeepsItsOwnDefault() throws InterruptedException {
        DType.setDefaultFloat(DType.FLOAT64);
        AtomicReference<DType> seen = new AtomicReference<>();
        Thread other = new Thread(() -> seen.set(DType.defaultFloat()));
        other.start();
        other.join();
        assertEquals(DType.FLOAT32, seen.get());
    }
}
