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
 * {@code torch.batch_norm} ({@code native_batch_norm}) as torch 1.13's CPU kernels compute it for a contiguous input
 * of N samples, C channels and S elements per channel and sample, one thread, and its chain rule
 * ({@code NativeBatchNormBackward0}). Training: the batch's statistics ({@link BatchNormStats}), the saved mean and
 * invstd = 1 / √(Σ(x − mean)²/count + eps) (the quotient in the dtype, the root in double), and the running mean
 * and variance (the unbiased one) moved by momentum ({@link #updateRunning}); otherwise the running statistics,
 * invstd = 1 / √(running_var + eps) in the dtype. Then y = x·α + β with α = invstd·γ and β = bias − mean·α (both
 * fused on AVX2).
 */
public final class BatchNorm {

    private BatchNorm() {
    }

    /**
     * {@code torch.batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps)}; weight,
     * bias and the running statistics may be null. When training, running statistics given are updated in place.
     */
    public static Tensor batchNorm(Tensor input, Tensor weight, Tensor bias, Tensor runningMean, Tensor runningVar,
            boolean training, double momentum, double eps) {
        int c = input.shape().dim(1);
        check("running_mean", runningMean, c, training);
        check("running_var", runningVar, c, training);
        check("weight", weight, c, true);
        check("bias", bias, c, true);
        DType dt = input.dtype();
        TypedMath f = new TypedMath(dt);
        int n = input.shape().dim(0);
        int s = c == 0 || n == 0 ? 0 : input.numel() / n / c;
        double[] x = input.data();
        double[] mean;
        double[] invstd;
        Tensor saveMean;
        Tensor saveInvstd;
        if (training) {
            double[][] stats = BatchNormStats.collect(x, n, c, s, dt);
            mean = stats[0];
            invstd = new double[c];
            long count = (long) n * s;
            for (int ch = 0; ch < c; ch++) {
                double var = f.div(stats[1][ch], count);
                invstd[ch] = var != 0 || eps != 0 ? dt.round(1 / Math.sqrt(var + eps)) : 0;
            }
            updateRunning(runningMean, mean, momentum, false);
            if (runningVar != null) {
                double[] unbiased = new double[c];
                for (int ch = 0; ch < c; ch++) {
                    unbiased[ch] = f.div(stats[1][ch], count - 1);
                }
                updateRunning(runningVar, unbiased, momentum, true);
            }
            saveMean = Tensor.fromData(Shape.of(c), dt, mean);
            saveInvstd = Tensor.fromData(Shape.of(c), dt, invstd);
        } else {
            mean = runningMean.data();
            invstd = new double[c];
            double[] rv = runningVar.data();
            for (int ch = 0; ch < c; ch++) {
                invstd[ch] = f.div(1, f.sqrt(f.add(rv[ch], dt.round(eps))));
            }
            saveMean = Tensor.fromData(Shape.of(0), dt, new double[0]);
            saveInvstd = Tensor.fromData(Shape.of(0), dt, new double[0]);
        }
        double[] y = transform(x, n, c, s, mean, invstd, weight, bias, f);
        Tensor out = Tensor.fromData(input.shape(), dt, y);
        return Autograd.record("batch_norm", out, () -> new NativeBatchNormBackward(input, weight, runningMean,
                runningVar, saveMean, saveInvstd, training, eps), input, weight, bias);
    }

    /** {@code _batch_norm_impl_index}'s checks of the optional tensors, in torch's words. */
    private static void check(String name, Tensor t, int features, boolean optional) {
        if (t == null) {
            if (!optional) {
                throw TorchException.runtime(name + " must be defined in evaluation mode");
            }
        } else if (t.numel() != features) {
            throw TorchException.runtime(name + " should contain " + features + " elements not " + t.numel());
        }
    }

    /**
     * running = momentum·batch + (1 − momentum)·running with momentum in the buffer's dtype
     * ({@code batch_norm_cpu_update_stats_template}, compiled without fused multiply-adds): each step in the dtype for
     * the mean; for the variance, whose unbiased value torch holds in the accumulate type (double),
     * momentum·unbiased and the sum in double. Written in place without a new version, as torch's kernel writes
     * through a pointer.
     */
    private static void updateRunning(Tensor running, double[] batch, double momentum, boolean accumulated) {
        if (running == null) {
            return;
        }
        TypedMath f = new TypedMath(running.dtype());
        double m = running.dtype().round(momentum);
        double[] old = running.data();
        double[] next = new double[old.length];
        for (int i = 0; i < old.length; i++) {
            double kept = f.mul(f.sub(1, m), old[i]);
            next[i] = accumulated ? running.dtype().round(m * batch[i] + kept) : f.add(f.mul(m, batch[i]), kept);
        }
        running.updateInPlace(0, floats -> {
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) next[i];
            }
        }, values -> System.arraycopy(next, 0, values, 0, values.length));
    }

    /** {@code batch_norm_cpu_contiguous_impl}: y = x·α + β per channel (α = invstd·γ, β = bias − mean·α). */
    private static double[] transform(double[] x, int n, int c, int s, double[] mean, double[] invstd,
            Tensor weight, Tensor bias, TypedMath f) {
        double[] w = weight == null ? null : weight.data();
        double[] b = bias == null ? null : bias.data();
        double[] alpha = new double[c];
        double[] beta = new double[c];
        for (int ch = 0; ch < c; ch++) {
            alpha[ch] = f.mul(invstd[ch], w == null ? 1 : w[ch]);
            beta[ch] = f.mulAdd(-mean[ch], alpha[ch], b == null ? 0 : b[ch]);
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int ch = (i / s) % c;
            y[i] = f.mulAdd(x[i], alpha[ch], beta[ch]);
        }
        return y;
    }

    /**
     * {@code batch_norm_cpu_backward_kernel}: per channel sum = Σ dy and dotp = Σ (x − mean)·dy (mean and invstd
     * the saved ones when training, the running ones else), then dγ = dotp·invstd, dβ = sum and, training,
     * dx = (dy − sum/count − (x − mean)·k)·invstd·γ with k = dotp·invstd²/count, else dx = dy·invstd·γ. For S = 1
     * (channels-last) the sums are rows added in turn in the dtype (the products fused); otherwise each sample's run of
     * S elements is a vector reduction ({@link VecReduce}) added to a sum in the accumulate type.
     */
    static double[][] backward(double[] dy, double[] x, int n, int c, int s, double[] mean, double[] invstd,
            double[] w, boolean training, DType dt, boolean[] needed) {
        TypedMath f = new TypedMath(dt);
        long count = (long) n * s;
        double[] sum = new double[c];
        double[] dotp = new double[c];
        double[] centered = new double[s];
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < n; i++) {
                int run = (i * c + ch) * s;
                if (s == 1) {
                    sum[ch] = f.add(sum[ch], dy[run]);
                    dotp[ch] = f.mulAdd(f.sub(x[run], mean[ch]), dy[run], dotp[ch]);
                } else {
                    for (int k = 0; k < s; k++) {
                        centered[k] = f.sub(x[run + k], mean[ch]);
                    }
                    sum[ch] += VecReduce.sum(dy, run, s, dt);
                    dotp[ch] += VecReduce.dot(centered, java.util.Arrays.copyOfRange(dy, run, run + s), 0, s, dt);
                }
            }
        }
        double[] dx = needed[0] ? new double[x.length] : null;
        double[] dw = needed[1] ? new double[c] : null;
        double[] db = needed[2] ? new double[c] : null;
        for (int ch = 0; ch < c; ch++) {
            double weight = w == null ? 1 : w[ch];
            if (dx != null) {
                double k = f.div(f.mul(f.mul(dt.round(dotp[ch]), invstd[ch]), invstd[ch]), dt.round(count));
                double gradMean = s == 1 ? f.div(sum[ch], dt.round(count)) : dt.round(sum[ch] / count);
                // NOTE: dy − grad_mean − (x − mean)·k is one fused multiply-add, except in the last, partial vector of
                // a float64 (N, C) input, where GCC leaves the two roundings (measured against torch 1.13)
                boolean fused = s > 1 || dt != DType.FLOAT64 || ch < c - c % TorchSum.lanes(dt);
                for (int i = 0; i < n; i++) {
                    for (int j = (i * c + ch) * s, end = j + s; j < end; j++) {
                        double xc = f.sub(x[j], mean[ch]);
                        double g = fused ? f.mulAdd(-xc, k, f.sub(dy[j], gradMean))
                                : f.sub(f.sub(dy[j], gradMean), f.mul(xc, k));
                        dx[j] = training ? f.mul(f.mul(g, invstd[ch]), weight) : f.mul(f.mul(dy[j], invstd[ch]), weight);
                    }
                }
            }
            if (dw != null) {
                dw[ch] = dt.round(dotp[ch] * invstd[ch]);
            }
            if (db != null) {
                db[ch] = dt.round(sum[ch]);
            }
        }
        return new double[][] {dx, dw, db};
    }

    /**
     * {@code batch_norm_backward_cpu_template}'s own loops, which torch runs when the gradient is not contiguous (an
     * expanded view from sum's backward; compiled without fused multiply-adds): per channel sum = torch.sum of the
     * gradient over the other dimensions (in the order its strides give), dotp = Σ (x − mean)·dy in the accumulate type (each product of the dtype),
     * in the input's order; then as {@link #backward}, every step rounded to the dtype.
     */
    static double[][] backwardStrided(Tensor grad, double[] x, int n, int c, int s, double[] mean, double[] invstd,
            double[] w, boolean training, boolean[] needed) {
        DType dt = grad.dtype();
        TypedMath f = new TypedMath(dt);
        long count = (long) n * s;
        boolean[] reduced = new boolean[grad.dim()];
        java.util.Arrays.fill(reduced, true);
        reduced[1] = false;
        double[] sum = TorchSum.overExpanded(grad.expandedSource(), grad.shape(), reduced);
        double[] dy = grad.data();
        double[] dx = needed[0] ? new double[x.length] : null;
        double[] dw = needed[1] ? new double[c] : null;
        double[] db = needed[2] ? new double[c] : null;
        for (int ch = 0; ch < c; ch++) {
            double dotp = 0;
            for (int i = 0; i < n; i++) {
                for (int j = (i * c + ch) * s, end = j + s; j < end; j++) {
                    dotp += f.mul(f.sub(x[j], mean[ch]), dy[j]);
                }
            }
            double weight = w == null ? 1 : w[ch];
            if (dx != null) {
                double k = f.div(f.mul(f.mul(dt.round(dotp), invstd[ch]), invstd[ch]), dt.round(count));
                double gradMean = f.div(sum[ch], dt.round(count));
                for (int i = 0; i < n; i++) {
                    for (int j = (i * c + ch) * s, end = j + s; j < end; j++) {
                        dx[j] = training
                                ? f.mul(f.mul(f.sub(f.sub(dy[j], gradMean), f.mul(f.sub(x[j], mean[ch]), k)),
                                        invstd[ch]), weight)
                                : f.mul(f.mul(dy[j], invstd[ch]), weight);
                    }
                }
            }
            if (dw != null) {
                dw[ch] = dt.round(dotp * invstd[ch]);
            }
            if (db != null) {
                db[ch] = sum[ch];
            }
        }
        return new double[][] {dx, dw, db};
    }

    /** d batch_norm / d(input, weight, bias) by {@link #backward}. */
    static final class NativeBatchNormBackward extends Node {
        private final SavedTensor input;
        private final SavedTensor weight;
        private final SavedTensor runningMean;
        private final SavedTensor runningVar;
        private final SavedTensor saveMean;
        private final SavedTensor saveInvstd;
        private final boolean training;
        private final double eps;

        NativeBatchNormBackward(Tensor input, Tensor weight, Tensor runningMean, Tensor runningVar, Tensor saveMean,
                Tensor saveInvstd, boolean training, double eps) {
            this.input = save(input);
            this.weight = weight == null ? null : save(weight);
            this.runningMean = runningMean == null ? null : save(runningMean);
            this.runningVar = runningVar == null ? null : save(runningVar);
            this.saveMean = saveOutput(saveMean);
            this.saveInvstd = saveOutput(saveInvstd);
            this.training = training;
            this.eps = eps;
        }

        @Override
        public String name() {
            return "NativeBatchNormBackward0";
        }

        @Override
        protected Tensor[] apply(Tensor[] grads) {
            Tensor x = input.unpack();
            DType dt = x.dtype();
            int n = x.shape().dim(0);
            int c = x.shape().dim(1);
            int s = c == 0 || n == 0 ? 0 : x.numel() / n / c;
            double[] mean;
            double[] invstd;
            if (training) {
                mean = saveMean.unpack().data();
                invstd = saveInvstd.unpack().data();
            } else {
                mean = runningMean.unpack().data();
                double[] rv = runningVar.unpack().data();
                invstd = new double[c];
                for (int ch = 0; ch < c; ch++) {
                    // NOTE: the backward kernel adds eps as a double, unlike the forward's eps of the dtype
                    invstd[ch] = dt.round(1 / Math.sqrt(rv[ch] + eps));
                }
            }
            boolean[] needed = {needsInputGrad(0), needsInputGrad(1), needsInputGrad(2)};
            double[] w = weight == null ? null : weight.unpack().data();
            double[][] g = grads[0].expandedSource() != null
                    ? backwardStrided(grads[0], x.data(), n, c, s, mean, invstd, w, training, needed)
                    : backward(Broadcast.expand(grads[0], x.shape()), x.data(), n, c, s, mean, invstd, w, training,
                            dt, needed);
            return new Tensor[] {
                g[0] == null ? null : Tensor.fromData(x.shape(), dt, g[0]),
                g[1] == null ? null : Tensor.fromData(Shape.of(c), dt, g[1]),
                g[2] == null ? null : Tensor.fromData(Shape.of(c), dt, g[2])};
        }

        @Override
        protected void collectSaved(Map<String, Object> out) {
            out.put("eps", eps);
            out.put("input", input);
            out.put("result1", saveMean);
            out.put("result2", saveInvstd);
            out.put("running_mean", runningMean);
            out.put("running_var", runningVar);
            out.put("training", training);
            out.put("weight", weight);
        }
    }
}
