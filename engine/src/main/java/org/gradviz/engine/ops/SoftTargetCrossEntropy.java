package org.gradviz.engine.ops;

import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code F.cross_entropy(input, target)} where the target holds class probabilities (its shape is the input's), composed
 * of ops as PyTorch 1.13's {@code cross_entropy_loss_prob_target} does: with p = log_softmax(input) over the class
 * dimension (0 for a 1-D input, else 1) and the target smoothed to t·(1 - ε) + ε/C, the loss is
 * -(p·t).sum() / (numel / C) for the mean, -(p·t).sum() for the sum, and -(p·t).sum(class_dim) for none. So its
 * grad_fn is DivBackward1 (the mean's C++ integer divisor) or NegBackward0, and the chain rule is that of the ops.
 */
public final class SoftTargetCrossEntropy {
    private SoftTargetCrossEntropy() {
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction, long ignoreIndex,
            double labelSmoothing) {
        if (!target.dtype().isFloatingPoint()) {
            throw TorchException.runtime("Expected floating point type for target with class probabilities, got "
                    + LinearAlgebra.cTypeName(target.dtype()));
        }
        if (ignoreIndex >= 0) {
            throw TorchException.runtime("ignore_index is not supported for floating point target");
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int classes = input.shape().dim(classDim);
        Tensor logp = LogSoftmax.logSoftmax(input, classDim);
        Tensor smoothed = target;
        if (labelSmoothing > 0) {
            if (labelSmoothing > 1) {
                throw TorchException.runtime("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
            }
            smoothed = Arithmetic.addScalar(Arithmetic.mulScalar(target, 1 - labelSmoothing), labelSmoothing / classes);
        }
        Tensor product = Arithmetic.mul(logp, smoothed);
        return switch (reduction) {
            case MEAN -> Arithmetic.divScalar(Arithmetic.neg(Reductions.sum(product)),
                    (double) (input.shape().numel() / classes));
            case SUM -> Arithmetic.neg(Reductions.sum(product));
            case NONE -> Arithmetic.neg(Reductions.sum(product, classDim, false));
        };
    }
}
