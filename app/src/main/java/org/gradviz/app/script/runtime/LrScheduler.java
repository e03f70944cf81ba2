package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.kernels.GlibcSinCos;

/**
 * {@code torch.optim.lr_scheduler}'s {@code StepLR}, {@code MultiStepLR}, {@code ExponentialLR}, {@code LambdaLR},
 * {@code CosineAnnealingLR}, {@code LinearLR}, {@code ConstantLR} and {@code CosineAnnealingWarmRestarts}
 * as torch 1.13 writes them: made on an optimiser, they record {@code initial_lr} in its parameter group and take
 * their first step at once; each {@code step()} counts an epoch and writes the new rate into the group, which the
 * optimiser's next step reads. The rates are computed in Python floats in torch's order.
 */
final class LrScheduler implements HasAttributes {
    private static final Object REQUIRED = Signature.REQUIRED;

    /** How a schedule turns the epoch and the group's current rate into the next rate. */
    private interface Rule {
        double next(int epoch, double current, double base);
    }

    private final String name;
    private final Optimizer optimizer;
    private final Rule rule;
    /** Each parameter group's initial_lr. */
    private final List<Double> bases = new ArrayList<>();
    private int lastEpoch = -1;
    private List<Object> lastLr;

    private LrScheduler(String name, Optimizer optimizer, Rule rule) {
        this.name = name;
        this.optimizer = optimizer;
        this.rule = rule;
        for (PyDict group : optimizer.groups()) {
            if (!group.containsKey("initial_lr")) {
                group.put("initial_lr", group.get("lr"));
            }
            bases.add(Values.toDouble(group.get("initial_lr"), "initial_lr"));
        }
        step();
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("StepLR", new Builtin("StepLR", a -> {
            Object[] v = bind(Signature.of("StepLR.__init__", "optimizer", REQUIRED, "step_size", REQUIRED, "gamma",
                    0.1, "last_epoch", -1L, "verbose", false), a, 3);
            long stepSize = Values.toIndex(v[1], "step_size");
            double gamma = Values.toDouble(v[2], "gamma");
            return new LrScheduler("StepLR", optimizer(v[0]), (epoch, lr, base) ->
                    epoch == 0 || epoch % stepSize != 0 ? lr : lr * gamma);
        }));
        m.put("MultiStepLR", new Builtin("MultiStepLR", a -> {
            Object[] v = bind(Signature.of("MultiStepLR.__init__", "optimizer", REQUIRED, "milestones", REQUIRED,
                    "gamma", 0.1, "last_epoch", -1L, "verbose", false), a, 3);
            List<Long> milestones = new ArrayList<>();
            for (Object x : Iteration.items(v[1])) {
                milestones.add(Values.toIndex(x, "milestones"));
            }
            double gamma = Values.toDouble(v[2], "gamma");
            return new LrScheduler("MultiStepLR", optimizer(v[0]), (epoch, lr, base) -> {
                long times = milestones.stream().filter(e -> e == epoch).count();
                return times == 0 ? lr : lr * Math.pow(gamma, times);
            });
        }));
        m.put("ExponentialLR", new Builtin("ExponentialLR", a -> {
            Object[] v = bind(Signature.of("ExponentialLR.__init__", "optimizer", REQUIRED, "gamma", REQUIRED,
                    "last_epoch", -1L, "verbose", false), a, 2);
            double gamma = Values.toDouble(v[1], "gamma");
            return new LrScheduler("ExponentialLR", optimizer(v[0]), (epoch, lr, base) ->
                    epoch == 0 ? lr : lr * gamma);
        }));
        m.put("LambdaLR", new Builtin("LambdaLR", a -> {
            Object[] v = bind(Signature.of("LambdaLR.__init__", "optimizer", REQUIRED, "lr_lambda", REQUIRED,
                    "last_epoch", -1L, "verbose", false), a, 2);
            if (!(v[1] instanceof PyCallable lambda)) {
                throw new Unsupported("'LambdaLR' with a list of functions");
            }
            return new LrScheduler("LambdaLR", optimizer(v[0]), (epoch, lr, base) -> base * Values.toDouble(
                    lambda.call(new Args("lr_lambda", List.of((long) epoch), Map.of())), "lr_lambda"));
        }));
        m.put("CosineAnnealingLR", new Builtin("CosineAnnealingLR", a -> {
            Object[] v = bind(Signature.of("CosineAnnealingLR.__init__", "optimizer", REQUIRED, "T_max", REQUIRED,
                    "eta_min", 0L, "last_epoch", -1L, "verbose", false), a, 3);
            double tMax = Values.toDouble(v[1], "T_max");
            double etaMin = Values.toDouble(v[2], "eta_min");
            return new LrScheduler("CosineAnnealingLR", optimizer(v[0]), (epoch, lr, base) ->
                    cosineAnnealing(epoch, lr, base, tMax, etaMin));
        }));
        m.put("LinearLR", new Builtin("LinearLR", a -> {
            Object[] v = bind(Signature.of("LinearLR.__init__", "optimizer", REQUIRED, "start_factor", 1.0 / 3,
                    "end_factor", 1.0, "total_iters", 5L, "last_epoch", -1L, "verbose", false), a, 4);
            double start = Values.toDouble(v[1], "start_factor");
            double end = Values.toDouble(v[2], "end_factor");
            long total = Values.toIndex(v[3], "total_iters");
            if (start > 1.0 || start < 0) {
                throw PyError.value("Starting multiplicative factor expected to be between 0 and 1.");
            }
            if (end > 1.0 || end < 0) {
                throw PyError.value("Ending multiplicative factor expected to be between 0 and 1.");
            }
            return new LrScheduler("LinearLR", optimizer(v[0]), (epoch, lr, base) -> {
                if (epoch == 0 || epoch > total) {
                    return epoch == 0 ? lr * start : lr;
                }
                double denominator = total * start + (epoch - 1) * (end - start);
                if (denominator == 0) {
                    throw PyError.zeroDivision("float division by zero");
                }
                return lr * (1. + (end - start) / denominator);
            });
        }));
        m.put("ConstantLR", new Builtin("ConstantLR", a -> {
            Object[] v = bind(Signature.of("ConstantLR.__init__", "optimizer", REQUIRED, "factor", 1.0 / 3,
                    "total_iters", 5L, "last_epoch", -1L, "verbose", false), a, 3);
            double factor = Values.toDouble(v[1], "factor");
            long total = Values.toIndex(v[2], "total_iters");
            if (factor > 1.0 || factor < 0) {
                throw PyError.value("Constant multiplicative factor expected to be between 0 and 1.");
            }
            return new LrScheduler("ConstantLR", optimizer(v[0]), (epoch, lr, base) -> epoch == 0 ? lr * factor
                    : epoch != total ? lr : lr * (1.0 / factor));
        }));
        m.put("CosineAnnealingWarmRestarts", new Builtin("CosineAnnealingWarmRestarts", a -> {
            Object[] v = bind(Signature.of("CosineAnnealingWarmRestarts.__init__", "optimizer", REQUIRED, "T_0",
                    REQUIRED, "T_mult", 1L, "eta_min", 0L, "last_epoch", -1L, "verbose", false), a, 4);
            if (!Values.isInteger(v[1]) || Ints.int64(v[1]) <= 0) {
                throw PyError.value("Expected positive integer T_0, but got " + Values.str(v[1]));
            }
            if (!Values.isInteger(v[2]) || Ints.int64(v[2]) < 1) {
                throw PyError.value("Expected integer T_mult >= 1, but got " + Values.str(v[2]));
            }
            long t0 = Ints.int64(v[1]);
            long mult = Ints.int64(v[2]);
            double etaMin = Values.toDouble(v[3], "eta_min");
            // T_i, T_cur and the epoch they are for: advanced once per step (not per group), as torch's step()
            // does before get_lr()
            long[] period = {t0, -1, -1};
            return new LrScheduler("CosineAnnealingWarmRestarts", optimizer(v[0]), (epoch, lr, base) -> {
                if (period[2] != epoch) {
                    period[2] = epoch;
                    if (epoch == 0) {
                        period[1] = 0;
                    } else if (++period[1] >= period[0]) {
                        period[1] -= period[0];
                        period[0] *= mult;
                    }
                }
                return etaMin + (base - etaMin) * (1 + GlibcSinCos.cos(Math.PI * period[1] / period[0])) / 2;
            });
        }));
        m.put("ReduceLROnPlateau", new Builtin("ReduceLROnPlateau", ReduceLrOnPlateau::make));
        return m;
    }

    /**
     * CosineAnnealingLR's recursive form, in torch 1.13's order of float operations: at the end of each half period
     * the rate steps up by (base - eta_min)(1 - cos(pi / T_max)) / 2, else it is scaled by the ratio of successive
     * (1 + cos) terms around eta_min. Cosines are glibc's, as Python's math.cos.
     */
    private static double cosineAnnealing(int epoch, double lr, double base, double tMax, double etaMin) {
        if (epoch == 0) {
            return lr;
        }
        if (pyMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            return lr + (base - etaMin) * (1 - GlibcSinCos.cos(Math.PI / tMax)) / 2;
        }
        return (1 + GlibcSinCos.cos(Math.PI * epoch / tMax)) / (1 + GlibcSinCos.cos(Math.PI * (epoch - 1) / tMax))
                * (lr - etaMin) + etaMin;
    }

    /** Python's float {@code a % b}: the result takes the sign of b. */
    private static double pyMod(double a, double b) {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    /** The arguments, refusing a last_epoch other than -1 and verbose=True (at {@code lastEpoch}, then after it). */
    private static Object[] bind(Signature s, Args a, int lastEpoch) {
        Object[] v = s.bind(a);
        if (!Long.valueOf(-1).equals(v[lastEpoch])) {
            throw new Unsupported("'" + a.function() + "(last_epoch=...)'");
        }
        if (Values.truthy(v[lastEpoch + 1])) {
            throw new Unsupported("'" + a.function() + "(verbose=True)'");
        }
        return v;
    }

    static Optimizer optimizer(Object v) {
        if (v instanceof Optimizer o) {
            return o;
        }
        throw PyError.type(Values.typeName(v) + " is not an Optimizer");
    }

    /** {@code scheduler.step()}: the next epoch, and its rate written into each of the optimiser's groups. */
    private Object step() {
        lastEpoch++;
        List<PyDict> groups = optimizer.groups();
        lastLr = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            double lr = rule.next(lastEpoch, Values.toDouble(groups.get(i).get("lr"), "lr"), bases.get(i));
            groups.get(i).put("lr", lr);
            lastLr.add(lr);
        }
        return PyNone.NONE;
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "step" -> new Builtin("step", a -> {
                a.accept(0);
                return step();
            });
            case "get_last_lr" -> new Builtin("get_last_lr", a -> new ArrayList<>(lastLr));
            case "last_epoch" -> (long) lastEpoch;
            case "base_lrs" -> new ArrayList<Object>(bases);
            case "optimizer" -> optimizer;
            case "state_dict", "load_state_dict", "get_lr", "print_lr" ->
                throw new Unsupported("'" + name + "." + attribute + "'");
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return name;
    }
}
