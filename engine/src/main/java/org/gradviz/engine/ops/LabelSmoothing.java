package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.NotSupportedException;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code F.cross_entropy(input, target, label_smoothing=ε)} with class indices, composed of ops as PyTorch 1.13's
 * {@code cross_entropy_loss_label_smoothing} does: (1 - ε)·nll_loss(log_softmax(x)) + ε/C·smooth, where smooth is
 * -Σ_c log_softmax(x) with ignored targets zeroed ({@code index_put_}), then the mean of the kept ones
 * ({@code masked_select}) or the sum.
 */
public final class LabelSmoothing {
    private LabelSmoothing() {
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction, long ignoreIndex,
            double labelSmoothing) {
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw TorchException.runtime("label_smoothing must be between 0.0 and 1.0. Got: " + labelSmoothing);
        }
        if (input.dim() != 2) {
            throw new NotSupportedException("cross_entropy with label_smoothing of an input that is not 2-D");
        }
        int classDim = 1;
        Tensor logp = LogSoftmax.logSoftmax(input, classDim);
        Tensor nll = NllLoss.nllLoss(logp, target, reduction, ignoreIndex);
        Tensor ignore = Comparison.compare(target, Tensor.wrappedNumber(ignoreIndex, true), Comparison.Kind.EQ);
        Tensor smooth = indexPutZero(Arithmetic.neg(Reductions.sum(logp, classDim, false)), ignore);
        Tensor ret = switch (reduction) {
            case MEAN -> Reductions.mean(maskedSelect(smooth, Logical.logicalNot(ignore)));
            case SUM -> Reductions.sum(smooth);
            case NONE -> smooth;
        };
        int classes = input.shape().dim(classDim);
        return Arithmetic.add(Arithmetic.mulScalar(nll, 1 - labelSmoothing),
                Arithmetic.mulScalar(ret, labelSmoothing / classes));
    }

    /** {@code t.index_put_({mask}, 0)}: t with zeros where the bool mask (t's shape) holds. */
    static Tensor indexPutZero(Tensor t, Tensor mask) {
        double[] m = mask.data();
        double[] r = t.data().clone();
        for (int i = 0; i < r.length; i++) {
            if (m[i] != 0) {
                r[i] = 0;
            }
        }
        Tensor out = Tensor.fromData(t.shape(), t.dtype(), r);
        return Autograd.record("index_put_", out, () -> new IndexPutBackward0(mask), new Tensor[] {t},
                new Tensor[] {t, mask});
    }

    /** d/d self = grad with zeros where the mask holds (the values put there do not depend on self). */
    static final class IndexPutBackward0 extends Node {
        private final SavedTensor mask;

        IndexPutBackward0(Tensor mask) {
            this.mask = save(mask);
        }

        @Override
        public String name() {
            return "IndexPutBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {indexPutZero(grads[0], mask.unpack())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("accumulate", false);
            out.put("indices", mask);
        }
    }

    /** {@code t.masked_select(mask)}: the elements where the bool mask (t's shape) holds, in order, 1-D. */
    static Tensor maskedSelect(Tensor t, Tensor mask) {
        double[] m = mask.data();
        double[] x = t.data();
        double[] picked = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (m[i] != 0) {
                picked[n++] = x[i];
            }
        }
        Tensor out = Tensor.fromData(Shape.of(n), t.dtype(), java.util.Arrays.copyOf(picked, n));
        return Autograd.record("masked_select", out, () -> new MaskedSelectBackward0(t, mask), new Tensor[] {t},
                new Tensor[] {t, mask});
    }

    /** d/d self = zeros with the gradient scattered back to where the mask holds. */
    static final class MaskedSelectBackward0 extends Node {
        private final SavedTensor mask;
        private final Shape shape;
        private final DType dtype;

        MaskedSelectBackward0(Tensor t, Tensor mask) {
            this.mask = save(mask);
            this.shape = t.shape();
            this.dtype = t.dtype();
        }

        @Override
        public String name() {
            return "MaskedSelectBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            double[] m = mask.unpack().data();
            double[] g = grads[0].data();
            double[] r = new double[m.length];
            int k = 0;
            for (int i = 0; i < r.length; i++) {
                if (m[i] != 0) {
                    r[i] = g[k++];
                }
            }
            return new Tensor[] {Tensor.fromData(shape, dtype, r)};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("mask", mask);
        }
    }
}
