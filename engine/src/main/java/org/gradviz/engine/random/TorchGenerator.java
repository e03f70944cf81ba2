package org.gradviz.engine.random;

import org.gradviz.engine.DType;

/** PLACEHOLDER until the rng branch lands. */
public final class TorchGenerator {
    private static final TorchGenerator DEFAULT = new TorchGenerator();
    private java.util.Random random = new java.util.Random(67280421310721L);

    public static TorchGenerator defaultGenerator() {
        return DEFAULT;
    }

    public void manualSeed(long seed) {
        random = new java.util.Random(seed);
    }

    public double[] randn(int n, DType dtype) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextGaussian();
        }
        return d;
    }

    public double[] rand(int n, DType dtype) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = random.nextDouble();
        }
        return d;
    }
}
