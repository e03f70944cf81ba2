package org.gradviz.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The capability is read as torch reads {@code ATEN_CPU_CAPABILITY}; surefire runs this in two environments. */
class CpuCapabilityTest {
    @Test
    void defaultSelectsTheScalarBuildAndAnythingElseAvx2() {
        assertEquals(CpuCapability.DEFAULT, CpuCapability.parse("default"));
        assertEquals(CpuCapability.DEFAULT, CpuCapability.parse(" DEFAULT "));
        assertEquals(CpuCapability.AVX2, CpuCapability.parse(null));
        assertEquals(CpuCapability.AVX2, CpuCapability.parse("avx2"));
        assertEquals(CpuCapability.AVX2, CpuCapability.parse("avx512"));
    }

    @Test
    void thisRunFollowsTheEnvironmentVariable() {
        String env = System.getenv("ATEN_CPU_CAPABILITY");
        assertEquals("default".equals(env) ? CpuCapability.DEFAULT : CpuCapability.AVX2, CpuCapability.CURRENT);
        assertEquals(CpuCapability.CURRENT == CpuCapability.DEFAULT, CpuCapability.SCALAR);
    }
}
