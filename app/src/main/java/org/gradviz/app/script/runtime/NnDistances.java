package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.List;
import java.util.Map;
import org.gradviz.engine.GradMode;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Bounds;
import org.gradviz.engine.ops.Broadcast;
import org.gradviz.engine.ops.Cdist;
import org.gradviz.engine.ops.Norms;
import org.gradviz.engine.ops.Padding;
import org.gradviz.engine.ops.Pointwise;
import org.gradviz.engine.ops.Reductions;
import org.gradviz.engine.ops.Views;

/**
 * {@code F.normalize}, {@code F.cosine_similarity} and {@code F.pairwise_distance} (and their {@code torch.} and
 * {@code nn.} forms), built of the ops torch 1.13 builds them of, so their graphs hold torch's nodes:
 * <ul>
 * <li>normalize: {@code x / x.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(x)};</li>
 * <li>cosine_similarity: both inputs expanded to one shape, each divided by
 * {@code sqrt(sum(x ** 2, dim, keepdim=True))} whose sum is clamped to at least eps² outside the graph, then the
 * product summed over dim;</li>
 * <li>pairwise_distance: {@code norm(x1 - x2 + eps, p, last dim, keepdim)}.</li>
 * </ul>
 */
final class NnDistances {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnDistances() {
    }

    static void addFunctional(Map<String, Object> functional) {
        Signature normalize = Signature.of("normalize", "input", REQUIRED, "p", 2.0, "dim", 1L, "eps", 1e-12, "out",
                PyNone.NONE);
        functional.put("normalize", new Builtin("normalize", a -> {
            Object[] v = normalize.bind(a);
            if (v[4] != PyNone.NONE) {
                throw new Unsupported("'normalize(out=...)'");
            }
            Tensor x = NnLayers.input(v[0], "normalize");
            return normalize(x, order(v[1], "normalize"), x.shape().normalizeDim(Values.toIndex(v[2],
                    "normalize(): argument 'dim'")), Values.toDouble(v[3], "normalize(): argument 'eps'"));
        }));
        functional.put("pad", new Builtin("pad", NnDistances::pad));
        functional.put("cosine_similarity", cosineFunction());
        functional.put("pairwise_distance", pairwiseFunction());
    }

    static void addTorch(Map<String, Object> torch) {
        torch.put("cosine_similarity", cosineFunction());
        torch.put("pairwise_distance", pairwiseFunction());
        torch.put("cdist", new Builtin("cdist", NnDistances::cdist));
    }

    /** {@code torch.cdist(x1, x2, p=2.0, compute_mode=...)}: 2-D inputs by the direct kernel. */
    private static Object cdist(Args a) {
        Object[] v = Signature.of("cdist", "x1", REQUIRED, "x2", REQUIRED, "p", 2.0, "compute_mode",
                "use_mm_for_euclid_dist_if_necessary").bind(a);
        Tensor x1 = tensor(v[0], "cdist", "x1", 1);
        Tensor x2 = tensor(v[1], "cdist", "x2", 2);
        double p = Values.toDouble(v[2], "cdist(): argument 'p'");
        String mode = Values.str(v[3]);
        if (!List.of("use_mm_for_euclid_dist_if_necessary", "use_mm_for_euclid_dist", "donot_use_mm_for_euclid_dist")
                .contains(mode)) {
            throw PyError.value(mode + " is not a valid value for compute_mode");
        }
        if (x1.dim() > 2 || x2.dim() > 2) {
            throw new Unsupported("'cdist' of batched (3-D or more) inputs");
        }
        boolean large = x1.dim() == 2 && x2.dim() == 2 && (x1.shape().dim(0) > 25 || x2.shape().dim(0) > 25);
        if (p == 2 && (mode.equals("use_mm_for_euclid_dist") || mode.startsWith("use_mm") && large)) {
            throw new Unsupported("'cdist' by matrix products (p=2 with more than 25 rows, or "
                    + "compute_mode='use_mm_for_euclid_dist')");
        }
        return Cdist.cdist(x1, x2, p);
    }

    private static Builtin cosineFunction() {
        Signature s = Signature.of("cosine_similarity", "x1", REQUIRED, "x2", REQUIRED, "dim", 1L, "eps", 1e-8);
        return new Builtin("cosine_similarity", a -> {
            Object[] v = s.bind(a);
            return cosineSimilarity(tensor(v[0], "cosine_similarity", "x1", 1), tensor(v[1], "cosine_similarity",
                    "x2", 2), Values.toIndex(v[2], "cosine_similarity(): argument 'dim'"),
                    Values.toDouble(v[3], "cosine_similarity(): argument 'eps'"));
        });
    }

    private static Builtin pairwiseFunction() {
        Signature s = Signature.of("pairwise_distance", "x1", REQUIRED, "x2", REQUIRED, "p", 2.0, "eps", 1e-6,
                "keepdim", false);
        return new Builtin("pairwise_distance", a -> {
            Object[] v = s.bind(a);
            return pairwiseDistance(tensor(v[0], "pairwise_distance", "x1", 1), tensor(v[1], "pairwise_distance",
                    "x2", 2), order(v[2], "pairwise_distance"), Values.toDouble(v[3],
                    "pairwise_distance(): argument 'eps'"), Values.truthy(v[4]));
        });
    }

    /** {@code nn.CosineSimilarity(dim=1, eps=1e-08)}. */
    static PyClass cosineModule() {
        PyClass c = nnClass("CosineSimilarity", "distance", NnModule.MODULE);
        Signature init = Signature.of("CosineSimilarity.__init__", "self", REQUIRED, "dim", 1L, "eps", 1e-8);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            self.setOwn("dim", v[1]);
            self.setOwn("eps", v[2]);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("CosineSimilarity.forward", "self", REQUIRED, "x1", REQUIRED, "x2", REQUIRED)
                    .bind(a);
            PyInstance self = self(a);
            return cosineSimilarity(tensor(v[1], "cosine_similarity", "x1", 1), tensor(v[2], "cosine_similarity",
                    "x2", 2), Values.toIndex(self.attribute("dim"), "cosine_similarity(): argument 'dim'"),
                    Values.toDouble(self.attribute("eps"), "cosine_similarity(): argument 'eps'"));
        });
        return c;
    }

    /** {@code nn.PairwiseDistance(p=2.0, eps=1e-06, keepdim=False)}. */
    static PyClass pairwiseModule() {
        PyClass c = nnClass("PairwiseDistance", "distance", NnModule.MODULE);
        Signature init = Signature.of("PairwiseDistance.__init__", "self", REQUIRED, "p", 2.0, "eps", 1e-6,
                "keepdim", false);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            self.setOwn("norm", v[1]);
            self.setOwn("eps", v[2]);
            self.setOwn("keepdim", v[3]);
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of("PairwiseDistance.forward", "self", REQUIRED, "x1", REQUIRED, "x2", REQUIRED)
                    .bind(a);
            PyInstance self = self(a);
            return pairwiseDistance(tensor(v[1], "pairwise_distance", "x1", 1), tensor(v[2], "pairwise_distance",
                    "x2", 2), order(self.attribute("norm"), "pairwise_distance"),
                    Values.toDouble(self.attribute("eps"), "pairwise_distance(): argument 'eps'"),
                    Values.truthy(self.attribute("keepdim")));
        });
        return c;
    }

    /** {@code F.pad(input, pad, mode="constant", value=None)}: the constant mode only. */
    private static Object pad(Args a) {
        Object[] v = Signature.of("pad", "input", REQUIRED, "pad", REQUIRED, "mode", "constant", "value",
                PyNone.NONE).bind(a);
        Tensor x = tensor(v[0], "pad", "input", 1);
        if (!"constant".equals(v[2])) {
            throw new Unsupported("'pad(mode=" + Values.repr(v[2]) + ")'");
        }
        java.util.List<?> items = Values.items(v[1]);
        if (items == null || v[1] instanceof PyDict || v[1] instanceof String) {
            throw PyError.type("pad(): argument 'pad' (position 2) must be tuple of ints, not "
                    + Values.typeName(v[1]));
        }
        long[] pad = new long[items.size()];
        for (int i = 0; i < pad.length; i++) {
            Object item = items.get(i);
            if (!(item instanceof Long || item instanceof java.math.BigInteger)) {
                throw PyError.type("pad(): argument 'pad' (position 2) must be tuple of ints, not "
                        + Values.typeName(v[1]));
            }
            pad[i] = Values.toIndex(item, "pad(): argument 'pad'");
        }
        if (pad.length % 2 != 0) {
            throw new PyError("RuntimeError", "Padding length must be divisible by 2");
        }
        if (pad.length / 2 > x.dim()) {
            throw new PyError("RuntimeError", "Padding length too large");
        }
        if (v[3] != PyNone.NONE && !(v[3] instanceof Number || v[3] instanceof Boolean)) {
            throw PyError.type("pad(): argument 'value' (position 4) must be float, not " + Values.typeName(v[3]));
        }
        double value = v[3] == PyNone.NONE ? 0 : Values.toDouble(v[3], "pad(): argument 'value'");
        return Padding.constantPad(x, pad, value);
    }

    private static Tensor tensor(Object v, String function, String name, int position) {
        if (!(v instanceof Tensor t)) {
            throw PyError.type(function + "(): argument '" + name + "' (position " + position
                    + ") must be Tensor, not " + Values.typeName(v));
        }
        return t;
    }

    /** The norm's p: 1 and 2 are the orders gradviz's norm has. */
    private static double order(Object p, String function) {
        double order = Values.toDouble(p, function + "(): argument 'p'");
        if (order != 1 && order != 2) {
            throw new Unsupported("'" + function + "(p=" + Values.repr(p) + ")'");
        }
        return order;
    }

    /** {@code x / x.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(x)}: DivBackward0. */
    static Tensor normalize(Tensor x, double p, int dim, double eps) {
        Tensor norm = Norms.norm(x, p, dim, true);
        Tensor denominator = Views.expand(Bounds.clampMin(norm, eps), sizes(x.shape()));
        return Arithmetic.div(x, denominator);
    }

    /** torch 1.13's {@code cosine_similarity}: SumBackward1 of the product of the two normalised inputs. */
    static Tensor cosineSimilarity(Tensor x1, Tensor x2, long dim, double eps) {
        Shape common = Broadcast.shapes(x1.shape(), x2.shape());
        Tensor a = Views.expand(x1, sizes(common));
        Tensor b = Views.expand(x2, sizes(common));
        int d = common.normalizeDim(dim);
        return Reductions.sum(Arithmetic.mul(unitAlong(a, d, eps), unitAlong(b, d, eps)), new int[] {d}, false);
    }

    /** {@code x / sqrt(sum(x ** 2, dim, keepdim=True))}, the sum clamped to eps² in place without recording. */
    private static Tensor unitAlong(Tensor x, int dim, double eps) {
        Tensor squaredNorm = Reductions.sum(Arithmetic.pow(x, 2), new int[] {dim}, true);
        try (var g = GradMode.disabled()) {
            squaredNorm.assignInPlace(Bounds.clampMin(squaredNorm, eps * eps));
        }
        return Arithmetic.div(x, Pointwise.sqrt(squaredNorm));
    }

    /** {@code norm(x1 - x2 + eps, p, last dim, keepdim)}: NormBackward1. */
    static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepDim) {
        int outputDim = Math.max(x1.dim(), x2.dim());
        Tensor shifted = Arithmetic.addScalar(Arithmetic.sub(x1, x2), eps);
        int innermost = shifted.shape().normalizeDim(outputDim - 1);
        return Norms.norm(shifted, p, innermost, keepDim);
    }

    private static long[] sizes(Shape s) {
        long[] out = new long[s.rank()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.dim(i);
        }
        return out;
    }
}
