package org.gradviz.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.gradviz.engine.DType;
import org.gradviz.engine.Torch;
import org.gradviz.engine.testing.NnFixtures;
import org.junit.jupiter.api.Test;

/** nn.Linear's default initialisation draws torch 1.13's bits, and leaves the generator where torch leaves it. */
class InitTest {

    @Test
    void linearWeightAndBiasAreTorchsBitsAfterManualSeed() {
        for (Map<String, Object> c : NnFixtures.cases("linear")) {
            DType dt = NnFixtures.dtype(c);
            int in = NnFixtures.integer(c, "in");
            int out = NnFixtures.integer(c, "out");
            Torch.manualSeed(NnFixtures.integer(c, "seed"));
            String what = "Linear(" + in + ", " + out + ") " + dt + " seed " + c.get("seed");
            assertArrayEquals(NnFixtures.values(c.get("weight")), Init.linearWeight(out, in, dt).data(), what);
            assertArrayEquals(NnFixtures.values(c.get("bias")), Init.linearBias(out, in, dt).data(), what);
            assertArrayEquals(NnFixtures.values(c.get("next")), Torch.rand(dt, 3).data(), what + " then rand(3)");
        }
    }
}
