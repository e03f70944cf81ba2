package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.LabelSmoothing;
import org.gradviz.engine.ops.NllLoss;
import org.gradviz.engine.ops.SoftTargetCrossEntropy;
import org.gradviz.engine.ops.Reduction;

/**
 * {@code F.dropout}, which a document has no node for, and what {@code F.nll_loss}, {@code F.cross_entropy} and
 * {@code F.embedding} take beyond their op table rows; refusing what the engine does not do.
 */
final class NnFunctional {
    /** torch's default ignore_index. */
    static final long NO_IGNORED_CLASS = -100;

    private NnFunctional() {
    }

    static void addTo(Map<String, Object> functional) {
        functional.put("dropout", NnDropout.function());
        functional.put("one_hot", new Builtin("one_hot", a -> {
            a.accept(2, "input", "num_classes");
            return org.gradviz.engine.ops.Gathering.oneHot(a.tensor(0, "input"), a.has(1, "num_classes")
                    ? a.integer(1, "num_classes") : -1);
        }));
    }

    /**
     * {@code F.nll_loss}, {@code F.cross_entropy} and {@code F.embedding}, names of op table rows that also take
     * arguments no node holds (weight, ignore_index, label_smoothing, padding_idx): such calls run here, every other
     * call runs its row.
     */
    static void extendRows(Map<String, Object> functional) {
        OpCall nll = TableOps.functional().get("nll_loss");
        functional.put("nll_loss", new Builtin("nll_loss", new ExtendedOpCall(nll, a -> {
            Object[] v = lossArgs("nll_loss", a);
            Reduction r = NnLayers.reduction(v[6]);
            long ignoreIndex = Ints.int64(v[4]);
            if (ignoreIndex == NO_IGNORED_CLASS && v[2] == PyNone.NONE) {
                checkClassInput((Tensor) v[0], (Tensor) v[1]);
                return row(nll, v);
            }
            return nllLoss((Tensor) v[0], (Tensor) v[1], weight(v[2]), r, ignoreIndex);
        })));
        OpCall crossEntropy = TableOps.functional().get("cross_entropy");
        functional.put("cross_entropy", new Builtin("cross_entropy", new ExtendedOpCall(crossEntropy, a -> {
            Object[] v = lossArgs("cross_entropy", a);
            Reduction r = NnLayers.reduction(v[6]);
            long ignoreIndex = Ints.int64(v[4]);
            double labelSmoothing = Values.toDouble(v[7], "cross_entropy(): argument 'label_smoothing'");
            if (ignoreIndex == NO_IGNORED_CLASS && labelSmoothing == 0 && v[2] == PyNone.NONE
                    && !classProbabilities((Tensor) v[0], (Tensor) v[1])) {
                checkClassInput((Tensor) v[0], (Tensor) v[1]);
                return row(crossEntropy, v);
            }
            return crossEntropy((Tensor) v[0], (Tensor) v[1], weight(v[2]), r, ignoreIndex, labelSmoothing);
        })));
        functional.put("embedding", new Builtin("embedding", new ExtendedOpCall(TableOps.functional()
                .get("embedding"), NnEmbedding.function())));
        deprecated(functional, "sigmoid", 1967);
        deprecated(functional, "tanh", 1956);
    }

    /** {@code F.name}, which torch 1.13 still runs but warns (at that line of functional.py) is deprecated. */
    private static void deprecated(Map<String, Object> functional, String name, int line) {
        OpCall row = TableOps.functional().get(name);
        functional.put(name, new Builtin(name, new ExtendedOpCall(row, a -> {
            LibraryWarnings.warn(LibraryWarnings.FUNCTIONAL, line, "nn.functional." + name + " is deprecated. Use torch."
                    + name + " instead.");
            return row.call(a);
        })));
    }

    /** The loss's row, on input and target with the reduction (already checked) of the bound arguments {@code v}. */
    private static Object row(OpCall row, Object[] v) {
        return row.call(new Args(row.name(), List.of(v[0], v[1]), Map.of("reduction", v[6])));
    }

    /** input, target, weight, size_average, ignore_index, reduce, reduction, label_smoothing. */
    private static Object[] lossArgs(String name, Args a) {
        Signature s = Signature.of(name, "input", Signature.REQUIRED, "target", Signature.REQUIRED,
                "weight", PyNone.NONE, "size_average", PyNone.NONE, "ignore_index", -100L, "reduce", PyNone.NONE,
                "reduction", "mean", "label_smoothing", 0.0);
        Object[] v = s.bind(a);
        if (v[2] != PyNone.NONE && !(v[2] instanceof Tensor)) {
            throw PyError.type(name + "(): argument 'weight' (position 3) must be Tensor, not "
                    + Values.typeName(v[2]));
        }
        for (int i : new int[] {3, 5}) {
            if (v[i] != PyNone.NONE) {
                throw new Unsupported("'" + name + "(" + s.names().get(i) + "=...)'");
            }
        }
        if (name.equals("nll_loss") && !(v[7] instanceof Number n && n.doubleValue() == 0)) {
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

    private static void checkClassInput(Tensor input, Tensor target) {
        if (input.dim() > 2) {
            throw new Unsupported("'nll_loss' of an input with more than 2 dimensions");
        }
        if (input.dim() == 0) {
            throw new PyError("IndexError", "Dimension out of range (expected to be in range of [-1, 0], but got 1)");
        }
    }

    /** A loss's weight argument: the tensor, or null for None. */
    static Tensor weight(Object v) {
        return v instanceof Tensor t ? t : null;
    }

    /** {@code F.nll_loss}; a null weight is none. */
    static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, Reduction r, long ignoreIndex) {
        checkClassInput(input, target);
        return NllLoss.nllLoss(input, target, weight, r, ignoreIndex);
    }

    /** torch takes a target of the input's shape (not a 0-d one) for class probabilities, not class indices. */
    private static boolean classProbabilities(Tensor input, Tensor target) {
        return input.dim() > 0 && target.shape().equals(input.shape());
    }

    /** {@code F.cross_entropy}; a null weight is none. */
    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, Reduction r, long ignoreIndex,
            double labelSmoothing) {
        if (weight != null && (labelSmoothing != 0 || classProbabilities(input, target))) {
            throw new Unsupported("'cross_entropy(weight=...)' with label_smoothing or class probabilities");
        }
        if (classProbabilities(input, target)) {
            return SoftTargetCrossEntropy.crossEntropy(input, target, r, ignoreIndex, labelSmoothing);
        }
        checkClassInput(input, target);
        if (labelSmoothing != 0) {
            if (input.dim() != 2) {
                throw new Unsupported("'cross_entropy(label_smoothing=...)' of an input that is not 2-D");
            }
            return LabelSmoothing.crossEntropy(input, target, r, ignoreIndex, labelSmoothing);
        }
        return NllLoss.crossEntropy(input, target, weight, r, ignoreIndex);
    }
}
