package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.LogSoftmax;
import org.gradviz.engine.ops.NllLoss;
import org.gradviz.engine.ops.Reduction;
import org.gradviz.engine.ops.Softmax;

/** {@code F.log_softmax}, {@code F.nll_loss} and {@code F.cross_entropy}, refusing what the engine does not do. */
final class NnFunctional {
    private NnFunctional() {
    }

    static void addTo(Map<String, Object> functional) {
        for (String name : new String[] {"log_softmax", "softmax"}) {
            functional.put(name, new Builtin(name, a -> {
                a.accept(4, "input", "dim", "_stacklevel", "dtype");
                if (!a.has(1, "dim") || a.get(1, "dim") == PyNone.NONE) {
                    throw new Unsupported("'" + name + "()' without dim");
                }
                if (a.dtype(3, "dtype") != null) {
                    throw new Unsupported("'" + name + "(dtype=...)'");
                }
                Tensor input = a.tensor(0, "input");
                long dim = a.integer(1, "dim");
                return name.equals("softmax") ? softmax(input, dim) : logSoftmax(input, dim);
            }));
        }
        functional.put("nll_loss", new Builtin("nll_loss", a -> {
            Object[] v = lossArgs("nll_loss", a);
            return nllLoss((Tensor) v[0], (Tensor) v[1], NnLayers.reduction(v[6]), Ints.int64(v[4]));
        }));
        functional.put("cross_entropy", new Builtin("cross_entropy", a -> {
            Object[] v = lossArgs("cross_entropy", a);
            return crossEntropy((Tensor) v[0], (Tensor) v[1], NnLayers.reduction(v[6]), Ints.int64(v[4]));
        }));
    }

    /** input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing. */
    private static Object[] lossArgs(String name, Args a) {
        Signature s = Signature.of(name, "input", Signature.REQUIRED, "target", Signature.REQUIRED,
                "weight", PyNone.NONE, "size_average", PyNone.NONE, "ignore_index", -100L, "reduce", PyNone.NONE,
                "reduction", "mean", "label_smoothing", 0.0);
        Object[] v = s.bind(a);
        for (int i : new int[] {2, 3, 5}) {
            if (v[i] != PyNone.NONE) {
                throw new Unsupported("'" + name + "(" + s.names().get(i) + "=...)'");
            }
        }
        if (!(v[7] instanceof Number n && n.doubleValue() == 0)) {
            throw new Unsupported("'" + name + "(label_smoothing=...)'");
        }
        for (int i = 0; i < 2; i++) {
            if (!(v[i] instanceof Tensor)) {
                throw PyError.type(name + "(): argument '" + s.names().get(i) + "' (position " + (i + 1)
                        + ") must be Tensor, not " + Values.typeName(v[i]));
            }
        }
        return v;
    }

    /**
     * {@code F.mse_loss}: torch broadcasts an input and target of different sizes (with a warning, recording
     * ExpandBackward0 nodes), which the engine does not.
     */
    static Tensor mseLoss(Tensor input, Tensor target, Reduction r) {
        if (!input.shape().equals(target.shape())) {
            throw new Unsupported("'mse_loss' of an input and a target of different sizes");
        }
        return org.gradviz.engine.ops.Losses.mseLoss(input, target, r);
    }

    static Tensor logSoftmax(Tensor input, long dim) {
        return LogSoftmax.logSoftmax(input, lastDim(input, dim, "log_softmax"));
    }

    static Tensor softmax(Tensor input, long dim) {
        return Softmax.softmax(input, lastDim(input, dim, "softmax"));
    }

    /** {@code dim} as an int; a valid dimension other than the last is refused (the engine reduces the last). */
    private static int lastDim(Tensor input, long dim, String name) {
        int rank = Math.max(input.dim(), 1);
        if (dim >= -rank && dim < rank && (dim < 0 ? dim + rank : dim) != rank - 1) {
            throw new Unsupported("'" + name + "' over a dimension other than the last");
        }
        return (int) Math.max(Math.min(dim, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }

    private static void checkClassInput(Tensor input, Tensor target) {
        if (input.dim() > 2) {
            throw new Unsupported("'nll_loss' of an input with more than 2 dimensions");
        }
        if (input.dim() == 0) {
            throw new PyError("IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
        }
        if (target.dtype().isFloatingPoint() && target.shape().equals(input.shape())) {
            throw new Unsupported("'cross_entropy' with class probabilities as target");
        }
    }

    static Tensor nllLoss(Tensor input, Tensor target, Reduction r, long ignoreIndex) {
        checkClassInput(input, target);
        return NllLoss.nllLoss(input, target, r, ignoreIndex);
    }

    static Tensor crossEntropy(Tensor input, Tensor target, Reduction r, long ignoreIndex) {
        checkClassInput(input, target);
        return NllLoss.crossEntropy(input, target, r, ignoreIndex);
    }
}
