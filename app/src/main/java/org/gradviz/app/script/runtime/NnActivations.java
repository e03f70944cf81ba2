package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Activations;
import org.gradviz.engine.ops.Arithmetic;
import org.gradviz.engine.ops.Hardtanh;
import org.gradviz.engine.ops.KlDiv;
import org.gradviz.engine.ops.Reduction;
import org.gradviz.engine.ops.RobustLosses;
import org.gradviz.engine.ops.WeightedBceWithLogits;

/**
 * The activations and losses of {@code torch.nn} and {@code torch.nn.functional} that a document has no node for:
 * {@code leaky_relu}, {@code elu}, {@code silu}, {@code softplus}, {@code gelu}, {@code l1_loss},
 * {@code smooth_l1_loss}, {@code huber_loss} (each a function and a module), {@code nn.Identity}, and
 * {@code F.relu(x, inplace=True)}, with their in-place forms.
 */
final class NnActivations {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnActivations() {
    }

    /** The functions of {@code torch.nn.functional}. */
    static void addTo(Map<String, Object> f) {
        OpCall tableRelu = TableOps.functional().get("relu");
        Signature relu = Signature.of("relu", "input", REQUIRED, "inplace", false);
        f.put("relu", new Builtin("relu", new ExtendedOpCall(tableRelu, a -> {
            Object[] v = relu.bind(a);
            return Values.truthy(v[1]) ? Activations.reluInPlace(input(v[0], "relu"))
                    : tableRelu.call(new Args("relu", List.of(v[0]), Map.of()));
        })));
        put(f, "leaky_relu", Signature.of("leaky_relu", "input", REQUIRED, "negative_slope", 0.01, "inplace", false),
                v -> leakyRelu(v[0], v[1], Values.truthy(v[2])));
        put(f, "leaky_relu_", Signature.of("leaky_relu_", "input", REQUIRED, "negative_slope", 0.01),
                v -> leakyRelu(v[0], v[1], true));
        put(f, "hardtanh", Signature.of("hardtanh", "input", REQUIRED, "min_val", -1.0, "max_val", 1.0, "inplace",
                false), v -> hardtanh(v[0], v[1], v[2], Values.truthy(v[3])));
        put(f, "hardtanh_", Signature.of("hardtanh_", "input", REQUIRED, "min_val", -1.0, "max_val", 1.0),
                v -> hardtanh(v[0], v[1], v[2], true));
        put(f, "relu6", Signature.of("relu6", "input", REQUIRED, "inplace", false),
                v -> hardtanh(v[0], 0L, 6L, Values.truthy(v[1])));
        put(f, "elu", Signature.of("elu", "input", REQUIRED, "alpha", 1.0, "inplace", false),
                v -> elu(v[0], v[1], v[2]));
        put(f, "silu", Signature.of("silu", "input", REQUIRED, "inplace", false),
                v -> silu(v[0], Values.truthy(v[1])));
        put(f, "softplus", Signature.of("softplus", "input", REQUIRED, "beta", 1L, "threshold", 20L),
                v -> Activations.softplus(input(v[0], "softplus"), number(v[1], "softplus", "beta"),
                        number(v[2], "softplus", "threshold")));
        put(f, "gelu", Signature.keywordOnlyAfter("gelu", 1, "input", REQUIRED, "approximate", "none"),
                v -> gelu(v[0], v[1]));
        put(f, "l1_loss", lossSignature("l1_loss", "beta", null),
                v -> RobustLosses.l1Loss(sized("l1_loss", v[0], v[1]), (Tensor) v[1], reduction(v, "l1_loss")));
        put(f, "smooth_l1_loss", lossSignature("smooth_l1_loss", "beta", 1.0),
                v -> RobustLosses.smoothL1Loss(sized("smooth_l1_loss", v[0], v[1]), (Tensor) v[1], reduction(v, "smooth_l1_loss"),
                        number(v[5], "smooth_l1_loss", "beta")));
        put(f, "huber_loss", Signature.of("huber_loss", "input", REQUIRED, "target", REQUIRED, "reduction", "mean",
                "delta", 1.0), v -> RobustLosses.huberLoss(sized("huber_loss", v[0], v[1]), (Tensor) v[1],
                        NnLayers.reduction(v[2]), number(v[3], "huber_loss", "delta")));
        put(f, "kl_div", Signature.of("kl_div", "input", REQUIRED, "target", REQUIRED, "size_average", PyNone.NONE,
                "reduce", PyNone.NONE, "reduction", "mean", "log_target", false), v -> {
                    for (int i : new int[] {2, 3}) {
                        if (v[i] != PyNone.NONE) {
                            throw new Unsupported("'kl_div(" + (i == 2 ? "size_average" : "reduce") + "=...)'");
                        }
                    }
                    return klDiv(v[0], v[1], v[4], v[5]);
                });
        Signature bce = Signature.of("binary_cross_entropy_with_logits", "input", REQUIRED, "target", REQUIRED,
                "weight", PyNone.NONE, "size_average", PyNone.NONE, "reduce", PyNone.NONE, "reduction", "mean",
                "pos_weight", PyNone.NONE);
        f.put("binary_cross_entropy_with_logits", new Builtin("binary_cross_entropy_with_logits",
                new ExtendedOpCall(TableOps.functional().get("binary_cross_entropy_with_logits"),
                        a -> bceWithLogits(bce.bind(a)))));
    }

    /**
     * The input of a loss torch writes in Python, which compares {@code target.size()} with {@code input.size()}
     * before anything else: a non-tensor is Python's AttributeError. {@code name}: the loss, which refuses input and
     * target of different sizes (null: the caller checks).
     */
    private static Tensor sized(String name, Object input, Object target) {
        for (Object v : new Object[] {target, input}) {
            if (!(v instanceof Tensor)) {
                throw PyError.attribute("'" + Values.typeName(v) + "' object has no attribute 'size'");
            }
        }
        if (name != null && !((Tensor) input).shape().equals(((Tensor) target).shape())) {
            // NOTE: torch warns and broadcasts the two
            throw new Unsupported("'" + name + "' of an input and a target of different sizes");
        }
        return (Tensor) input;
    }

    /**
     * {@code F.binary_cross_entropy_with_logits}: the op table's (a document op) without weight and pos_weight, else
     * the weighted loss.
     */
    private static Tensor bceWithLogits(Object[] v) {
        if (v[3] != PyNone.NONE || v[4] != PyNone.NONE) {
            throw new Unsupported("'binary_cross_entropy_with_logits(size_average=..., reduce=...)' (deprecated; "
                    + "use reduction=)");
        }
        if (v[2] == PyNone.NONE && v[6] == PyNone.NONE) {
            return (Tensor) TableOps.functional().get("binary_cross_entropy_with_logits").call(new Args("binary_cross_entropy_with_logits",
                    List.of(v[0], v[1]), Map.of("reduction", v[5])));
        }
        Tensor input = sized(null, v[0], v[1]);
        Tensor target = (Tensor) v[1];
        if (!target.shape().equals(input.shape())) {
            throw PyError.value("Target size (" + PySize.of(target.shape()) + ") must be the same as input size ("
                    + PySize.of(input.shape()) + ")");
        }
        return WeightedBceWithLogits.loss(input, target, optionalTensor(v[2], "weight"),
                optionalTensor(v[6], "pos_weight"), NnLayers.reduction(v[5]));
    }

    private static Tensor optionalTensor(Object v, String name) {
        if (v == PyNone.NONE) {
            return null;
        }
        if (v instanceof Tensor t) {
            return t;
        }
        throw PyError.type("binary_cross_entropy_with_logits(): argument '" + name + "' must be Tensor, not "
                + Values.typeName(v));
    }

    /** The functions computed from the bound arguments. */
    @FunctionalInterface
    private interface Body {
        Object apply(Object[] v);
    }

    private static void put(Map<String, Object> f, String name, Signature s, Body body) {
        f.put(name, new Builtin(name, a -> body.apply(s.bind(a))));
    }

    /** input, target, size_average, reduce, reduction and (for smooth_l1_loss) beta. */
    private static Signature lossSignature(String name, String extra, Object extraDefault) {
        List<Object> spec = new ArrayList<>(List.of("input", REQUIRED, "target", REQUIRED, "size_average",
                PyNone.NONE, "reduce", PyNone.NONE, "reduction", "mean"));
        if (extraDefault != null) {
            spec.add(extra);
            spec.add(extraDefault);
        }
        return Signature.of(name, spec.toArray());
    }

    private static Reduction reduction(Object[] v, String name) {
        if (v[2] != PyNone.NONE || v[3] != PyNone.NONE) {
            throw new Unsupported("'" + name + "(size_average=..., reduce=...)' (deprecated; use reduction=)");
        }
        return NnLayers.reduction(v[4]);
    }

    private static Tensor input(Object v, String name) {
        return NnLayers.input(v, name);
    }

    private static double number(Object v, String name, String param) {
        return Values.toDouble(v, name + "(): argument '" + param + "'");
    }

    private static Tensor leakyRelu(Object input, Object slope, boolean inplace) {
        Tensor x = input(input, "leaky_relu");
        double s = number(slope, "leaky_relu", "negative_slope");
        return inplace ? Activations.leakyReluInPlace(x, s) : Activations.leakyRelu(x, s);
    }

    /**
     * {@code F.hardtanh} and {@code F.relu6}. NOTE: in place only where no graph records it (torch's hardtanh_
     * records HardtanhBackward1 on the result, which gradviz refuses); a leaf that requires grad is torch's error.
     */
    private static Tensor hardtanh(Object input, Object min, Object max, boolean inplace) {
        Tensor x = input(input, "hardtanh");
        double lo = bound(min, "min_val", 2);
        double hi = bound(max, "max_val", 3);
        if (!inplace) {
            return Hardtanh.hardtanh(x, lo, hi);
        }
        if (org.gradviz.engine.GradMode.isEnabled() && x.requiresGrad()) {
            if (x.isLeaf()) {
                throw new PyError("RuntimeError", "a leaf Variable that requires grad is being used in an in-place "
                        + "operation.");
            }
            throw new Unsupported("'hardtanh_' (or relu6 in place) on a tensor that records a gradient");
        }
        return x.assignInPlace(Tensor.fromData(x.shape(), x.dtype(), Hardtanh.values(x, lo, hi)));
    }

    private static double bound(Object v, String name, int position) {
        if (!Values.isNumber(v)) {
            throw PyError.type("hardtanh(): argument '" + name + "' (position " + position + ") must be Number, not "
                    + Values.typeName(v));
        }
        return Values.toDouble(v, name);
    }

    private static Tensor elu(Object input, Object alpha, Object inplace) {
        Tensor x = input(input, "elu");
        double a = number(alpha, "elu", "alpha");
        return Values.truthy(inplace) ? Activations.eluInPlace(x, a) : Activations.elu(x, a);
    }

    private static Tensor silu(Object input, boolean inplace) {
        Tensor x = input(input, "silu");
        return inplace ? Activations.siluInPlace(x) : Activations.silu(x);
    }

    private static Tensor gelu(Object input, Object approximate) {
        Tensor x = input(input, "gelu");
        if (!(approximate instanceof String s)) {
            throw PyError.type("gelu(): argument 'approximate' must be str, not " + Values.typeName(approximate));
        }
        if (!s.equals("none") && !s.equals("tanh")) {
            throw new PyError("RuntimeError", "approximate argument must be either none or tanh.");
        }
        return Activations.gelu(x, s.equals("tanh"));
    }

    // ----- modules

    /** The module classes of {@code torch.nn}. */
    static List<PyClass> modules() {
        List<PyClass> out = new ArrayList<>();
        out.add(identity());
        out.add(activation("LeakyReLU", Signature.of("LeakyReLU.__init__", "self", REQUIRED, "negative_slope", 0.01,
                "inplace", false), (self, x) -> leakyRelu(x, self.attribute("negative_slope"),
                        Values.truthy(self.attribute("inplace"))),
                self -> "negative_slope=" + Values.str(self.attribute("negative_slope")) + inplace(self, ", ")));
        out.add(hardtanhModule());
        out.add(activation("ReLU6", Signature.of("ReLU6.__init__", "self", REQUIRED, "inplace", false),
                (self, x) -> hardtanh(x, 0L, 6L, Values.truthy(self.attribute("inplace"))), self -> inplace(self, "")));
        out.add(activation("ELU", Signature.of("ELU.__init__", "self", REQUIRED, "alpha", 1.0, "inplace", false),
                (self, x) -> elu(x, self.attribute("alpha"), self.attribute("inplace")),
                self -> "alpha=" + Values.str(self.attribute("alpha")) + inplace(self, ", ")));
        out.add(activation("SiLU", Signature.of("SiLU.__init__", "self", REQUIRED, "inplace", false),
                (self, x) -> silu(x, Values.truthy(self.attribute("inplace"))), self -> inplace(self, "")));
        out.add(activation("Softplus", Signature.of("Softplus.__init__", "self", REQUIRED, "beta", 1L, "threshold",
                20L), (self, x) -> Activations.softplus(input(x, "softplus"),
                        number(self.attribute("beta"), "softplus", "beta"),
                        number(self.attribute("threshold"), "softplus", "threshold")),
                self -> "beta=" + Values.str(self.attribute("beta")) + ", threshold="
                        + Values.str(self.attribute("threshold"))));
        out.add(activation("GELU", Signature.of("GELU.__init__", "self", REQUIRED, "approximate", "none"),
                (self, x) -> gelu(x, self.attribute("approximate")),
                self -> "approximate=" + Values.repr(self.attribute("approximate"))));
        out.add(loss("L1Loss", Signature.of("L1Loss.__init__", "self", REQUIRED, "size_average", PyNone.NONE,
                "reduce", PyNone.NONE, "reduction", "mean"),
                (self, x, t) -> RobustLosses.l1Loss(sized("l1_loss", x, t), (Tensor) t, reduction(self))));
        out.add(loss("SmoothL1Loss", Signature.of("SmoothL1Loss.__init__", "self", REQUIRED, "size_average",
                PyNone.NONE, "reduce", PyNone.NONE, "reduction", "mean", "beta", 1.0),
                (self, x, t) -> RobustLosses.smoothL1Loss(sized("smooth_l1_loss", x, t), (Tensor) t, reduction(self),
                        number(self.attribute("beta"), "smooth_l1_loss", "beta"))));
        out.add(loss("BCEWithLogitsLoss", Signature.of("BCEWithLogitsLoss.__init__", "self", REQUIRED, "weight",
                PyNone.NONE, "size_average", PyNone.NONE, "reduce", PyNone.NONE, "reduction", "mean", "pos_weight",
                PyNone.NONE), (self, x, t) -> bceWithLogits(new Object[] {x, t, self.attribute("weight"), PyNone.NONE,
                        PyNone.NONE, self.attribute("reduction"), self.attribute("pos_weight")})));
        out.add(loss("KLDivLoss", Signature.of("KLDivLoss.__init__", "self", REQUIRED, "size_average", PyNone.NONE,
                "reduce", PyNone.NONE, "reduction", "mean", "log_target", false),
                (self, x, t) -> klDiv(x, t, self.attribute("reduction"), self.attribute("log_target"))));
        out.add(loss("HuberLoss", Signature.of("HuberLoss.__init__", "self", REQUIRED, "reduction", "mean",
                "delta", 1.0), (self, x, t) -> RobustLosses.huberLoss(sized("huber_loss", x, t), (Tensor) t, reduction(self),
                        number(self.attribute("delta"), "huber_loss", "delta"))));
        return out;
    }

    /**
     * torch 1.13's {@code F.kl_div}: "mean" warns that it divides by every element, "batchmean" is the sum divided
     * by the batch size (a division by a Python int, so a DivBackward0 in the graph).
     */
    private static Tensor klDiv(Object input, Object target, Object reduction, Object logTarget) {
        Tensor x = input(input, "kl_div");
        if (!(target instanceof Tensor t)) {
            throw PyError.type("kl_div(): argument 'target' (position 2) must be Tensor, not "
                    + Values.typeName(target));
        }
        boolean batchMean = "batchmean".equals(reduction);
        if ("mean".equals(reduction)) {
            LibraryWarnings.warn(LibraryWarnings.FUNCTIONAL, 2916, "reduction: 'mean' divides the total loss by both "
                    + "the batch size and the support size.'batchmean' divides only by the batch size, and aligns "
                    + "with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in "
                    + "the next major release.", "warnings.warn(");
        }
        Reduction r = batchMean ? Reduction.SUM : NnLayers.reduction(reduction);
        Tensor reduced = KlDiv.klDiv(x, t, r, Values.truthy(logTarget));
        if (batchMean && x.dim() != 0) {
            return Arithmetic.div(reduced, Tensor.wrappedNumber(x.shape().dim(0), true));
        }
        return reduced;
    }

    private static String inplace(PyInstance self, String separator) {
        return Values.truthy(self.attribute("inplace")) ? separator + "inplace=True" : "";
    }

    private static Reduction reduction(PyInstance self) {
        return NnLayers.reduction(self.attribute("reduction"));
    }

    @FunctionalInterface
    private interface Forward {
        Tensor apply(PyInstance self, Object input);
    }

    @FunctionalInterface
    private interface ExtraRepr {
        String apply(PyInstance self);
    }

    @FunctionalInterface
    private interface LossForward {
        Tensor apply(PyInstance self, Object input, Object target);
    }

    /** An activation module: its {@code __init__} keeps every parameter, {@code forward(input)} runs it. */
    private static PyClass activation(String name, Signature init, Forward forward, ExtraRepr extraRepr) {
        PyClass c = nnClass(name, "activation", NnModule.MODULE);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            for (int i = 1; i < v.length; i++) {
                self.setOwn(init.names().get(i), v[i]);
            }
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of(name + ".forward", "self", REQUIRED, "input", REQUIRED).bind(a);
            return forward.apply(self(a), v[1]);
        });
        method(c, "extra_repr", a -> extraRepr.apply(self(a)));
        return c;
    }

    /**
     * A loss module; {@code size_average} and {@code reduce} (deprecated) are refused unless None, as torch would
     * turn them into a reduction.
     */
    private static PyClass loss(String name, Signature init, LossForward forward) {
        PyClass c = nnClass(name, "loss", NnModule.MODULE);
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            for (int i = 1; i < v.length; i++) {
                String param = init.names().get(i);
                if ((param.equals("size_average") || param.equals("reduce"))) {
                    if (v[i] != PyNone.NONE) {
                        throw new Unsupported("'nn." + name + "(" + param + "=...)' (deprecated; use reduction=)");
                    }
                    continue;
                }
                self.setOwn(param, v[i]);
            }
            return PyNone.NONE;
        });
        method(c, "forward", a -> {
            Object[] v = Signature.of(name + ".forward", "self", REQUIRED, "input", REQUIRED, "target", REQUIRED)
                    .bind(a);
            return forward.apply(self(a), v[1], v[2]);
        });
        return c;
    }

    /**
     * {@code nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)}: torch asserts max_val > min_val; the deprecated
     * min_value/max_value are refused.
     */
    private static PyClass hardtanhModule() {
        Signature init = Signature.of("Hardtanh.__init__", "self", REQUIRED, "min_val", -1.0, "max_val", 1.0,
                "inplace", false, "min_value", PyNone.NONE, "max_value", PyNone.NONE);
        PyClass c = activation("Hardtanh", init, (self, x) -> hardtanh(x, self.attribute("min_val"),
                self.attribute("max_val"), Values.truthy(self.attribute("inplace"))),
                self -> "min_val=" + Values.str(self.attribute("min_val")) + ", max_val="
                        + Values.str(self.attribute("max_val")) + inplace(self, ", "));
        PyCallable plain = (PyCallable) c.attribute("__init__");
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            if (v[4] != PyNone.NONE || v[5] != PyNone.NONE) {
                throw new Unsupported("'nn.Hardtanh(min_value=..., max_value=...)' (deprecated; use min_val=, max_val=)");
            }
            if (!(Values.toDouble(v[2], "max_val") > Values.toDouble(v[1], "min_val"))) {
                throw new PyError("AssertionError", "");
            }
            return plain.call(a);
        });
        return c;
    }

    /** {@code nn.Identity(*args, **kwargs)}: forward returns its input itself. */
    private static PyClass identity() {
        PyClass c = nnClass("Identity", "linear", NnModule.MODULE);
        method(c, "__init__", a -> {
            NnLayers.initModule(self(a));
            return PyNone.NONE;
        });
        method(c, "forward", a -> Signature.of("Identity.forward", "self", REQUIRED, "input", REQUIRED).bind(a)[1]);
        return c;
    }
}
