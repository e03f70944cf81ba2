package org.gradviz.engine.random;

/**
 * PyTorch's {@code at::normal_distribution<double>} (mean 0, std 1): Box–Muller in
 * double precision from two uniforms, returning r·cos θ and keeping r·sin θ in the
 * generator for the next draw.
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
        double radius = Math.sqrt(-2.0 * CorrectlyRoundedMath.log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        generator.setNextDoubleNormal(radius * CorrectlyRoundedMath.sin(theta));
        return radius * CorrectlyRoundedMath.cos(theta);
    }
}
