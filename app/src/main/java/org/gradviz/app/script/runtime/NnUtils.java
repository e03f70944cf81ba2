package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.gradviz.engine.ops.Extremes;
import org.gradviz.engine.ops.Joining;
import org.gradviz.engine.ops.Norms;
import org.gradviz.engine.ops.Pointwise;

/**
 * {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_} as torch 1.13 writes them in Python: the norm
 * of the gradients' norms, {@code clip_coef = max_norm / (total_norm + 1e-6)} clamped to 1, and each gradient
 * multiplied by it in place.
 */
final class NnUtils {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnUtils() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clip_grad_norm_", new Builtin("clip_grad_norm_", a -> {
            Object[] v = Signature.of("clip_grad_norm_", "parameters", REQUIRED, "max_norm", REQUIRED, "norm_type",
                    2.0, "error_if_nonfinite", false).bind(a);
            if (Values.truthy(v[3])) {
                throw new Unsupported("'clip_grad_norm_(error_if_nonfinite=True)'");
            }
            return clipGradNorm(grads(v[0]), Values.toDouble(v[1], "max_norm"), Values.toDouble(v[2], "norm_type"));
        }));
        m.put("clip_grad_value_", new Builtin("clip_grad_value_", a -> {
            Object[] v = Signature.of("clip_grad_value_", "parameters", REQUIRED, "clip_value", REQUIRED).bind(a);
            double clip = Values.toDouble(v[1], "clip_value");
            for (Tensor g : grads(v[0])) {
                g.assignInPlace(g.clamp(-clip, clip));
            }
            return PyNone.NONE;
        }));
        return m;
    }

    private static Tensor clipGradNorm(List<Tensor> grads, double maxNorm, double normType) {
        if (grads.isEmpty()) {
            return Torch.tensor(org.gradviz.engine.Shape.of(), org.gradviz.engine.DType.defaultFloat(),
                    new double[] {0});
        }
        try (var g = GradMode.disabled()) {
            Tensor total;
            if (normType == Double.POSITIVE_INFINITY) {
                List<Tensor> maxima = new ArrayList<>();
                grads.forEach(t -> maxima.add(Extremes.all(Pointwise.abs(t.detach()), true)));
                total = maxima.size() == 1 ? maxima.get(0) : Extremes.all(Joining.stack(maxima, 0), true);
            } else {
                List<Tensor> norms = new ArrayList<>();
                grads.forEach(t -> norms.add(Norms.norm(t.detach(), normType, null, false)));
                total = Norms.norm(Joining.stack(norms, 0), normType, null, false);
            }
            Tensor coef = TensorArithmetic.apply(BinaryOp.DIV, maxNorm,
                    TensorArithmetic.apply(BinaryOp.ADD, total, 1e-6));
            Tensor clamped = coef.clamp(null, 1.0);
            for (Tensor grad : grads) {
                grad.assignInPlace(TensorArithmetic.apply(BinaryOp.MUL, grad, clamped));
            }
            return total;
        }
    }

    /** The gradients of the parameters that have one ({@code parameters} a tensor or an iterable of them). */
    private static List<Tensor> grads(Object parameters) {
        List<Object> items = parameters instanceof Tensor t ? List.of(t) : Iteration.items(parameters);
        List<Tensor> out = new ArrayList<>();
        for (Object p : items) {
            if (!(p instanceof Tensor t)) {
                throw PyError.attribute("'" + Values.typeName(p) + "' object has no attribute 'grad'");
            }
            Tensor grad = t.gradOrNull();
            if (grad != null) {
                out.add(grad);
            }
        }
        return out;
    }
}
