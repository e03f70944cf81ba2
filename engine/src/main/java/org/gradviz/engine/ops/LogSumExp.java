package org.gradviz.engine.ops;

import java.util.Arrays;
import java.util.Map;
import org.gradviz.engine.Autograd;
import org.gradviz.engine.DType;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * {@code torch.logsumexp(a, dims, keepdim)} (LogsumexpBackward0) as torch 1.13 computes it: the slices' maxima m
 * (infinite ones replaced by 0), then {@code log(sum(exp(a - m))) + m}, each step torch's kernel; an integer tensor
 * is first converted to the default float type.
 */
public final class LogSumExp {
    private LogSumExp() {
    }

    public static Tensor logsumexp(Tensor input, int[] dims, boolean keepDim) {
        Tensor a = input.dtype().isFloatingPoint() ? input
                : Autograd.quietly(() -> Conversion.to(input, DType.defaultFloat()));
        int[] saved = Reductions.normalized(a, dims);
        if (dims.length == 0 && !keepDim && a.dim() > 0) {
            // NOTE: torch 1.13 adds maxima kept as [1, ..., 1] into the 0-d result in place
            throw org.gradviz.engine.TorchException.runtime("output with shape [] doesn't match the broadcast shape ["
                    + String.join(", ", java.util.Collections.nCopies(a.dim(), "1")) + "]");
        }
        Tensor out;
        try (var g = GradMode.disabled()) {
            out = Autograd.quietly(() -> forward(a, dims, keepDim));
        }
        Tensor result = Tensor.fromData(out.shape(), out.dtype(), out.data());
        return Autograd.record("logsumexp", result, () -> new LogsumexpBackward0(a, result, saved, keepDim), a);
    }

    private static Tensor forward(Tensor a, int[] dims, boolean keepDim) {
        if (a.numel() == 0) {
            return Reductions.sum(a.exp(), dims, keepDim).log();
        }
        // NOTE: torch fills the infinite maxima with 0 through a squeezed view, so self - maxes sees the 0 too
        Tensor maxes = ReducedExtremes.extreme(a, dims, true, true);
        double[] m = maxes.data().clone();
        for (int i = 0; i < m.length; i++) {
            m[i] = Double.isInfinite(m[i]) ? 0 : m[i];
        }
        Tensor kept = Tensor.fromData(maxes.shape(), a.dtype(), m);
        Tensor sum = Reductions.sum(Arithmetic.sub(a, kept).exp(), dims, keepDim);
        return Arithmetic.add(sum.log(), Tensor.fromData(sum.shape(), a.dtype(), m));
    }

    /** d logsumexp(a)/da = exp(a - result), times the gradient (result and gradient unsqueezed at the dims). */
    static final class LogsumexpBackward0 extends Node {
        private final SavedTensor self;
        private final SavedTensor result;
        private final int[] dims;
        private final boolean keepDim;

        LogsumexpBackward0(Tensor a, Tensor out, int[] dims, boolean keepDim) {
            this.self = save(a);
            this.result = saveOutput(out);
            this.dims = dims;
            this.keepDim = keepDim;
        }

        @Override
        public String name() {
            return "LogsumexpBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            return applyDifferentiable(grads);
        }

        /** logsumexp_backward: {@code grad * (self - result).exp()}. */
        @Override
        protected Tensor[] applyDifferentiable(Tensor[] grads) {
            Tensor a = self.unpack();
            Tensor g = grads[0];
            Tensor r = result.unpack();
            if (!keepDim && a.dim() != 0) {
                int[] sorted = dims.clone();
                Arrays.sort(sorted);
                for (int d : sorted) {
                    g = LinearAlgebra.unsqueeze(g, d);
                    r = LinearAlgebra.unsqueeze(r, d);
                }
            }
            return new Tensor[] {Arithmetic.mul(g, Arithmetic.sub(a, r).exp())};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("dim", Arrays.stream(dims).mapToObj(d -> (long) d).toList());
            out.put("keepdim", keepDim);
            out.put("result", result);
            out.put("self", self);
        }
    }
}
