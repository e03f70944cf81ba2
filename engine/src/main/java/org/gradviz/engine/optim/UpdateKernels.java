package org.gradviz.engine.optim;

import org.gradviz.engine.DType;

/**
 * The in-place element kernels the optimisers use, each rounding as PyTorch 1.13's CPU kernel does for the dtype.
 * NOTE: {@code add_(other, alpha)} and {@code addcmul_} are fused multiply-adds in PyTorch's CPU build (vectorised
 * and tail loop alike, measured against torch 1.13): one rounding, not two. {@code addcdiv_} divides before it adds.
 */
final class UpdateKernels {
    private UpdateKernels() {
    }

    /** {@code self.add_(other, alpha=alpha)}: self + alpha·other with one rounding. */
    static void addScaled(double[] self, double[] other, double alpha, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float a = (float) alpha;
            for (int i = 0; i < self.length; i++) {
                self[i] = Math.fma((float) other[i], a, (float) self[i]);
            }
        } else {
            for (int i = 0; i < self.length; i++) {
                self[i] = Math.fma(other[i], alpha, self[i]);
            }
        }
    }

    /** {@code other.add(self, alpha)} into a new array: other + alpha·self with one rounding. */
    static double[] addedScaled(double[] other, double[] self, double alpha, DType dtype) {
        double[] out = other.clone();
        addScaled(out, self, alpha, dtype);
        return out;
    }

    /** {@code self.mul_(factor)}. */
    static void scale(double[] self, double factor, DType dtype) {
        double f = dtype.round(factor);
        for (int i = 0; i < self.length; i++) {
            self[i] = dtype.round(self[i] * f);
        }
    }

    /** {@code self.addcmul_(t1, t2, value=value)}: fma(value·t1, t2, self). */
    static void addcmul(double[] self, double[] t1, double[] t2, double value, DType dtype) {
        if (dtype == DType.FLOAT32) {
            float v = (float) value;
            for (int i = 0; i < self.length; i++) {
                self[i] = Math.fma(v * (float) t1[i], (float) t2[i], (float) self[i]);
            }
        } else {
            for (int i = 0; i < self.length; i++) {
                self[i] = Math.fma(value * t1[i], t2[i], self[i]);
            }
        }
    }

    /** {@code self.addcdiv_(t1, t2, value=value)}: self + (value·t1)/t2, each step rounded. */
    static void addcdiv(double[] self, double[] t1, double[] t2, double value, DType dtype) {
        double v = dtype.round(value);
        for (int i = 0; i < self.length; i++) {
            self[i] = dtype.round(self[i] + dtype.round(dtype.round(v * t1[i]) / t2[i]));
        }
    }
}
