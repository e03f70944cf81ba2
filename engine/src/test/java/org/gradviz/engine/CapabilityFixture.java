package org.gradviz.engine;

/**
 * Which fixture a torch-bits test reads: the one recorded on torch's AVX2 kernels, or under
 * {@link CpuCapability#DEFAULT} its twin recorded with {@code ATEN_CPU_CAPABILITY=default} (the same name with
 * {@code _default} before the extension, written by the same script; {@code fixture_streams.capability_file}).
 */
public final class CapabilityFixture {
    private CapabilityFixture() {
    }

    /** {@code /fixtures/pow/pow.txt}, or {@code /fixtures/pow/pow_default.txt} under the default capability. */
    public static String path(String resource) {
        if (!CpuCapability.SCALAR) {
            return resource;
        }
        int dot = resource.lastIndexOf('.');
        return resource.substring(0, dot) + "_default" + resource.substring(dot);
    }
}
