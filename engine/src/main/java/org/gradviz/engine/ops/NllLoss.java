package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.TorchException;

/**
 * {@code F.nll_loss(input, target, weight=None, ignore_index=-100, reduction)} for an input of (N, C) or (C,) and int64
 * class indices, as PyTorch 1.13's {@code nll_loss_out_frame}: with class weights each picked log-probability is
 * multiplied by its class's weight and the mean divides by the sum of the picked weights (both summed in its cascade);
 * and {@code F.cross_entropy} as nll_loss of log_softmax over dim 1, the two nodes torch records.
 */
public final class NllLoss {
    /** PyTorch's cascade: 8 levels of partial sums. */
    private static final int LEVELS = 8;

    private NllLoss() {
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        return crossEntropy(input, target, null, reduction, ignoreIndex);
    }

    /** {@code F.cross_entropy(input, target, weight)}; a null weight is none. */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction,
            long ignoreIndex) {
        checkShapes(input, target);
        return nllLoss(LogSoftmax.logSoftmax(input, input.dim() == 1 ? 0 : 1), target, weight, reduction,
                ignoreIndex);
    }

    private static void checkWeight(Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
            throw TorchException.runtime("weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + weight.shape().listText());
        }
    }

    private static void checkShapes(Tensor input, Tensor target) {
        if (input.dim() < 1 || input.dim() > 2) {
            throw new UnsupportedOperationException("nll_loss of an input that is not 1-D or 2-D");
        }
        if (target.dtype() != DType.INT64) {
            throw TorchException.runtime("expected scalar type Long but found " + scalarName(target.dtype()));
        }
        if (target.dim() > 1) {
            throw TorchException.runtime("0D or 1D target tensor expected, multi-target not supported");
        }
        if (input.dim() == 2 && (target.dim() == 0 || input.shape().dim(0) != target.shape().dim(0))) {
            throw TorchException.value("Expected input batch_size (" + input.shape().dim(0)
                    + ") to match target batch_size (" + (target.dim() == 0 ? 0 : target.shape().dim(0)) + ").");
        }
    }

    private static String scalarName(DType d) {
        return d.scalarTypeName();
    }

    public static Tensor nllLoss(Tensor input, Tensor target, Reduction reduction, long ignoreIndex) {
        return nllLoss(input, target, null, reduction, ignoreIndex);
    }

    /** {@code F.nll_loss(input, target, weight)}; a null weight is none. */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex) {
        checkShapes(input, target);
        DType dt = input.dtype();
        int classes = input.shape().dim(input.dim() - 1);
        checkWeight(weight, classes);
        double[] w = weight == null ? null : dt.roundAll(weight.data().clone());
        int batch = input.dim() == 1 ? 1 : input.shape().dim(0);
        double[] x = input.data();
        double[] t = target.data();
        for (int b = 0; b < batch; b++) {
            long c = (long) t[b];
            if (c != ignoreIndex && (c < 0 || c >= classes)) {
                throw TorchException.index("Target " + c + " is out of bounds.");
            }
        }
        double[] values;
        double totalWeight;
        if (reduction == Reduction.NONE && input.dim() == 2) {
            values = new double[batch];
            for (int b = 0; b < batch; b++) {
                long c = (long) t[b];
                values[b] = c == ignoreIndex ? 0 : w == null ? -x[b * classes + (int) c]
                        : dt.round(-x[b * classes + (int) c] * w[(int) c]);
            }
            totalWeight = 0;
        } else if (input.dim() == 1) {
            long c = (long) t[0];
            double cw = c == ignoreIndex ? 0 : w == null ? 1 : w[(int) c];
            totalWeight = cw;
            double v = c == ignoreIndex ? 0 : w == null ? -x[(int) c] : -dt.round(x[(int) c] * cw);
            values = new double[] {reduction == Reduction.MEAN ? dt.round(v / totalWeight) : v};
        } else {
            int ignored = 0;
            double[] partial = new double[LEVELS];
            double[] weights = new double[LEVELS];
            int levelPower = Math.max(4, ceilLog2(batch) / LEVELS);
            long levelMask = (1L << levelPower) - 1;
            for (int b = 0; b < batch; b++) {
                long c = (long) t[b];
                if (c == ignoreIndex) {
                    ignored++;
                    continue;
                }
                if (w == null) {
                    partial[0] = dt.round(partial[0] - x[b * classes + (int) c]);
                } else {
                    partial[0] = dt.round(partial[0] - dt.round(x[b * classes + (int) c] * w[(int) c]));
                    weights[0] = dt.round(weights[0] + w[(int) c]);
                }
                for (int j = 0; j + 1 < LEVELS; j++) {
                    long mask = levelMask << (j * levelPower);
                    if ((b & mask) != 0) {
                        break;
                    }
                    partial[j + 1] = dt.round(partial[j + 1] + partial[j]);
                    partial[j] = 0;
                    weights[j + 1] = dt.round(weights[j + 1] + weights[j]);
                    weights[j] = 0;
                }
            }
            if (w == null) {
                totalWeight = batch - ignored;
            } else {
                totalWeight = 0;
                for (double p : weights) {
                    totalWeight = dt.round(totalWeight + p);
                }
            }
            double sum = 0;
            for (double p : partial) {
                sum = dt.round(sum + p);
            }
            values = new double[] {reduction == Reduction.MEAN ? dt.round(sum / totalWeight) : sum};
        }
        Shape shape = reduction == Reduction.NONE && input.dim() == 2 ? Shape.of(batch) : Shape.SCALAR;
        Tensor weightTotal = Tensor.fromData(Shape.SCALAR, dt, new double[] {totalWeight});
        return Autograd.record("nll_loss", Tensor.fromData(shape, dt, values),
                () -> new NllLossBackward0(input, target, weight, reduction, ignoreIndex, weightTotal),
                new Tensor[] {input}, new Tensor[] {input, target});
    }

    private static int ceilLog2(long n) {
        return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
    }

    /** d(nll)/dx: -g at each sample's target class (over the total weight for mean), 0 elsewhere. */
    static final class NllLossBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor target;
        private final SavedTensor totalWeight;
        private final SavedTensor weight;
        private final Reduction reduction;
        private final long ignoreIndex;

        NllLossBackward0(Tensor input, Tensor target, Tensor weight, Reduction reduction, long ignoreIndex,
                Tensor totalWeight) {
            this.self = save(input);
            this.target = save(target);
            this.weight = weight == null ? null : save(weight);
            this.totalWeight = save(totalWeight);
            this.reduction = reduction;
            this.ignoreIndex = ignoreIndex;
        }

        @Override
        public String name() {
            return "NllLossBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return new Tensor[] {backward(grads[0], self.unpack(), target.unpack(), weight == null ? null
                    : weight.unpack(), reduction, ignoreIndex, totalWeight.unpack())};
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("ignore_index", ignoreIndex);
            out.put("reduction", (long) reduction.ordinal());
            out.put("self", self);
            out.put("target", target);
            out.put("total_weight", totalWeight);
            out.put("weight", weight);
        }
    }

    /**
     * torch's {@code nll_loss_backward}: -grad (÷ total weight for mean) at each sample's target class, 0 elsewhere;
     * recorded under create_graph (NllLossBackwardBackward0).
     */
    static Tensor backward(Tensor grad, Tensor input, Tensor target, Tensor weight, Reduction reduction,
            long ignoreIndex, Tensor totalWeight) {
        DType dt = input.dtype();
        double[] w = weight == null ? null : dt.roundAll(weight.data().clone());
        double[] t = target.data();
        double total = totalWeight.item();
        double[] g = grad.data();
        int classes = input.shape().dim(input.dim() - 1);
        double[] gi = new double[input.numel()];
        boolean perSample = reduction == Reduction.NONE && input.dim() == 2;
        double common = perSample ? 0 : -(reduction == Reduction.MEAN ? dt.round(g[0] / total) : g[0]);
        for (int b = 0; b < t.length; b++) {
            long c = (long) t[b];
            if (c != ignoreIndex) {
                double cw = w == null ? 1 : w[(int) c];
                gi[b * classes + (int) c] = perSample ? dt.round(-cw * g[b]) : dt.round(cw * common);
            }
        }
        Tensor out = Tensor.fromData(input.shape(), dt, gi);
        return Autograd.record("nll_loss_backward", out,
                () -> new NllLossBackwardBackward0(target, weight, reduction, ignoreIndex, input), grad, input);
    }

    /** d/d grad_output = nll_loss(grad, target) with the same reduction; d/d self = 0. */
    static final class NllLossBackwardBackward0 extends Node {
        private final SavedTensor target;
        private final SavedTensor weight;
        private final Reduction reduction;
        private final long ignoreIndex;
        private final InputMeta self;

        NllLossBackwardBackward0(Tensor target, Tensor weight, Reduction reduction, long ignoreIndex, Tensor input) {
            this.target = save(target);
            this.weight = weight == null ? null : save(weight);
            this.reduction = reduction;
            this.ignoreIndex = ignoreIndex;
            this.self = InputMeta.of(input);
        }

        @Override
        public String name() {
            return "NllLossBackwardBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor g = grads[0];
            return new Tensor[] {
                needsInputGrad(0) ? nllLoss(g, target.unpack(), weight == null ? null : weight.unpack(), reduction,
                        ignoreIndex) : null,
                needsInputGrad(1) ? Tensor.fromData(self.shape(), self.dtype(), new double[self.shape().numel()])
                        : null,
            };
        }

        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            return apply(grads);
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("ignore_index", ignoreIndex);
            out.put("reduction", (long) reduction.ordinal());
            out.put("target", target);
            out.put("weight", weight);
        }
    }
}
