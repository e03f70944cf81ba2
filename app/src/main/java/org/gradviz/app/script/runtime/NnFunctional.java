package org.gradviz.app.script.runtime;

import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.LabelSmoothing;
import org.gradviz.engine.ops.NllLoss;
import org.gradviz.engine.ops.SoftTargetCrossEntropy;
import org.gradviz.engine.ops.Reduction;

/**
 * {@code F.nll_loss}, {@code F.cross_entropy}, {@code F.embedding} and {@code F.dropout}, which a document has no node for, refusing what the engine does not
 * do.
 */
final class NnFunctional {
    private NnFunctional() {
    }

    static void addTo(Map<String, Object> functional) {
        functional.put("nll_loss", new Builtin("nll_loss", a -> {
            Object[] v = lossArgs("nll_loss", a);
            return nllLoss((Tensor) v[0], (Tensor) v[1], NnLayers.reduction(v[6]), Ints.int64(v[4]));
        }));
        functional.put("cross_entropy", new Builtin("cross_entropy", a -> {
            Object[] v = lossArgs("cross_entropy", a);
            return crossEntropy((Tensor) v[0], (Tensor) v[1], NnLayers.reduction(v[6]), Ints.int64(v[4]),
                    Values.toDouble(v[7], "cross_entropy(): argument 'label_smoothing'"));
        }));
        functional.put("embedding", NnEmbedding.function());
        functional.put("dropout", NnDropout.function());
        functional.put("one_hot", new Builtin("one_hot", a -> {
            a.accept(2, "input", "num_classes");
            return org.gradviz.engine.ops.Gathering.oneHot(a.tensor(0, "input"), a.has(1, "num_classes")
                    ? a.integer(1, "num_classes") : -1);
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

    static Tensor nllLoss(Tensor input, Tensor target, Reduction r, long ignoreIndex) {
        checkClassInput(input, target);
        return NllLoss.nllLoss(input, target, r, ignoreIndex);
    }

    static Tensor crossEntropy(Tensor input, Tensor target, Reduction r, long ignoreIndex, double labelSmoothing) {
        if (input.dim() > 0 && target.shape().equals(input.shape())) { // torch takes it for class probabilities
            return SoftTargetCrossEntropy.crossEntropy(input, target, r, ignoreIndex, labelSmoothing);
        }
        checkClassInput(input, target);
        if (labelSmoothing != 0) {
            if (input.dim() != 2) {
                throw new Unsupported("'cross_entropy(label_smoothing=...)' of an input that is not 2-D");
            }
            return LabelSmoothing.crossEntropy(input, target, r, ignoreIndex, labelSmoothing);
        }
        return NllLoss.crossEntropy(input, target, r, ignoreIndex);
    }
}
