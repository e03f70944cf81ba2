package org.gradviz.engine.random;

import org.gradviz.engine.kernels.GlibcLog;
import org.gradviz.engine.kernels.GlibcSinCos;

/**
 * PyTorch's {@code at::normal_distribution<double>} (mean 0, std 1): Box–Muller in
 * double precision from two uniforms with glibc's log, sin and cos (as torch calls them),
 * returning r·cos θ and keeping r·sin θ in the generator for the next draw.
 */
final class NormalDistribution {
    private NormalDistribution() {
    }

    /** One standard normal in double precision. */
    static double sample(TorchGenerator generator) {
        Double cached = generator.takeNextDoubleNormal();
        if (cached != null) {
            return cached;
        }
        double u1 = generator.uniformDouble();
        double u2 = generator.uniformDouble();
        double radius = Math.sqrt(-2.0 * GlibcLog.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        generator.setNextDoubleNormal(radius * GlibcSinCos.sin(theta));
        return radius * GlibcSinCos.cos(theta);
    }
}
