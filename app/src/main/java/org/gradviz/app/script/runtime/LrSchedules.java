package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.kernels.GlibcPow;
import org.gradviz.engine.kernels.GlibcSinCos;

/**
 * The schedules of {@code torch.optim.lr_scheduler} in torch 1.13's forms: each one's signature, checks and own
 * attributes (in torch's {@code __dict__} order), its chainable {@code get_lr} and, where torch has one, its closed
 * form, in Python float arithmetic in torch's order (cosines are glibc's, as Python's {@code math.cos}; powers glibc's
 * {@code pow}). {@code SequentialLR} and {@code ChainedScheduler} are {@link SchedulerSequence}.
 */
final class LrSchedules {
    private static final Object REQUIRED = Signature.REQUIRED;

    private LrSchedules() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LambdaLR", new Builtin("LambdaLR", a -> lambdas("LambdaLR", a,
                (s, g, f) -> LrScheduler.times(Values.items(s.get("base_lrs")).get(g), f))));
        m.put("MultiplicativeLR", new Builtin("MultiplicativeLR", a -> lambdas("MultiplicativeLR", a,
                (s, g, f) -> s.lastEpoch() > 0 ? LrScheduler.times(s.lrObject(g), f) : s.lrObject(g))));
        m.put("StepLR", new Builtin("StepLR", LrSchedules::stepLr));
        m.put("MultiStepLR", new Builtin("MultiStepLR", LrSchedules::multiStepLr));
        m.put("ConstantLR", new Builtin("ConstantLR", LrSchedules::constantLr));
        m.put("LinearLR", new Builtin("LinearLR", LrSchedules::linearLr));
        m.put("ExponentialLR", new Builtin("ExponentialLR", LrSchedules::exponentialLr));
        m.put("SequentialLR", new Builtin("SequentialLR", SchedulerSequence::sequential));
        m.put("PolynomialLR", new Builtin("PolynomialLR", LrSchedules::polynomialLr));
        m.put("CosineAnnealingLR", new Builtin("CosineAnnealingLR", LrSchedules::cosineAnnealingLr));
        m.put("ChainedScheduler", new Builtin("ChainedScheduler", SchedulerSequence::chained));
        m.put("CyclicLR", new Builtin("CyclicLR", CyclicSchedules::cyclicLr));
        m.put("CosineAnnealingWarmRestarts", new Builtin("CosineAnnealingWarmRestarts",
                LrSchedules::cosineAnnealingWarmRestarts));
        m.put("OneCycleLR", new Builtin("OneCycleLR", CyclicSchedules::oneCycleLr));
        return m;
    }

    /** How LambdaLR and MultiplicativeLR use group g's function's value {@code f} at the epoch. */
    private interface LambdaRule {
        Object rate(LrScheduler s, int g, Object f);
    }

    private static Object lambdas(String name, Args a, LambdaRule rule) {
        Object[] v = bind(Signature.of(name + ".__init__", "optimizer", REQUIRED, "lr_lambda", REQUIRED,
                "last_epoch", -1L, "verbose", false), a, 2);
        Optimizer optimizer = LrScheduler.optimizer(v[0]);
        int groups = optimizer.groups().size();
        List<Object> functions;
        if (v[1] instanceof List<?> || v[1] instanceof PyTuple) {
            functions = new ArrayList<>(Values.items(v[1]));
            if (functions.size() != groups) {
                throw PyError.value("Expected " + groups + " lr_lambdas, but got " + functions.size());
            }
        } else {
            functions = new ArrayList<>(Collections.nCopies(groups, v[1]));
        }
        PyDict own = new PyDict();
        own.put("lr_lambdas", functions);
        return new LrScheduler(name, optimizer, own, (s, g) -> {
            Object fn = Values.items(s.get("lr_lambdas")).get(g);
            if (!(fn instanceof PyCallable callable)) {
                throw PyError.type("'" + Values.typeName(fn) + "' object is not callable");
            }
            return rule.rate(s, g, callable.call(new Args("lr_lambda", List.of(s.lastEpoch()), Map.of())));
        });
    }

    private static Object stepLr(Args a) {
        Object[] v = bind(Signature.of("StepLR.__init__", "optimizer", REQUIRED, "step_size", REQUIRED, "gamma",
                0.1, "last_epoch", -1L, "verbose", false), a, 3);
        Values.toIndex(v[1], "step_size");
        PyDict own = own("step_size", v[1], "gamma", v[2]);
        return new LrScheduler("StepLR", LrScheduler.optimizer(v[0]), own, LrScheduler.Rule.of((s, g) -> {
            long epoch = s.lastEpoch();
            return epoch == 0 || epoch % s.integer("step_size") != 0 ? s.lrObject(g)
                    : LrScheduler.times(s.lrObject(g), s.get("gamma"));
        }, (s, g) -> s.base(g)
                * GlibcPow.pow(s.number("gamma"), Math.floorDiv(s.lastEpoch(), s.integer("step_size")))));
    }

    /**
     * MultiStepLR: its milestones a {@code collections.Counter}, as torch keeps them (read at each step, so a loaded
     * state's count).
     */
    private static Object multiStepLr(Args a) {
        Object[] v = bind(Signature.of("MultiStepLR.__init__", "optimizer", REQUIRED, "milestones", REQUIRED,
                "gamma", 0.1, "last_epoch", -1L, "verbose", false), a, 3);
        List<Long> milestones = new ArrayList<>();
        for (Object x : Iteration.items(v[1])) {
            milestones.add(Values.toIndex(x, "milestones"));
        }
        PyDict own = own("milestones", PyDict.counter(milestones), "gamma", v[2]);
        return new LrScheduler("MultiStepLR", LrScheduler.optimizer(v[0]), own, LrScheduler.Rule.of((s, g) -> {
            // torch: group['lr'] * gamma ** milestones[last_epoch], the lr as it is off a milestone
            long times = Values.toLong(((PyDict) s.get("milestones")).item(s.lastEpoch()));
            return times == 0 ? s.lrObject(g) : s.lr(g) * GlibcPow.pow(s.number("gamma"), times);
        }, (s, g) -> {
            // torch's closed form: base_lr * gamma ** bisect_right(sorted(milestones.elements()), last_epoch)
            PyDict counts = (PyDict) s.get("milestones");
            long below = 0;
            for (Object m : counts.keys()) {
                if (Numbers.compare(m, s.lastEpoch()) <= 0) {
                    below += Values.toLong(counts.get(m));
                }
            }
            return s.base(g) * GlibcPow.pow(s.number("gamma"), below);
        }));
    }

    private static Object constantLr(Args a) {
        Object[] v = bind(Signature.of("ConstantLR.__init__", "optimizer", REQUIRED, "factor", 1.0 / 3,
                "total_iters", 5L, "last_epoch", -1L, "verbose", false), a, 3);
        double factor = Values.toDouble(v[1], "factor");
        if (factor > 1.0 || factor < 0) {
            throw PyError.value("Constant multiplicative factor expected to be between 0 and 1.");
        }
        PyDict own = own("factor", v[1], "total_iters", v[2]);
        return new LrScheduler("ConstantLR", LrScheduler.optimizer(v[0]), own, LrScheduler.Rule.of((s, g) -> {
            long epoch = s.lastEpoch();
            double f = s.number("factor");
            return epoch == 0 ? s.lr(g) * f : epoch != s.integer("total_iters") ? s.lrObject(g) : s.lr(g) * (1.0 / f);
        }, (s, g) -> {
            double f = s.number("factor");
            return s.base(g) * (f + (s.lastEpoch() >= s.integer("total_iters") ? 1 - f : 0.0));
        }));
    }

    private static Object linearLr(Args a) {
        Object[] v = bind(Signature.of("LinearLR.__init__", "optimizer", REQUIRED, "start_factor", 1.0 / 3,
                "end_factor", 1.0, "total_iters", 5L, "last_epoch", -1L, "verbose", false), a, 4);
        double start = Values.toDouble(v[1], "start_factor");
        double end = Values.toDouble(v[2], "end_factor");
        if (start > 1.0 || start < 0) {
            throw PyError.value("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (end > 1.0 || end < 0) {
            throw PyError.value("Ending multiplicative factor expected to be between 0 and 1.");
        }
        PyDict own = own("start_factor", v[1], "end_factor", v[2], "total_iters", v[3]);
        return new LrScheduler("LinearLR", LrScheduler.optimizer(v[0]), own, LrScheduler.Rule.of((s, g) -> {
            long epoch = s.lastEpoch();
            double startFactor = s.number("start_factor");
            double endFactor = s.number("end_factor");
            long total = s.integer("total_iters");
            if (epoch == 0 || epoch > total) {
                return epoch == 0 ? s.lr(g) * startFactor : s.lrObject(g);
            }
            double denominator = total * startFactor + (epoch - 1) * (endFactor - startFactor);
            if (denominator == 0) {
                throw PyError.zeroDivision("float division by zero");
            }
            return s.lr(g) * (1. + (endFactor - startFactor) / denominator);
        }, (s, g) -> {
            double startFactor = s.number("start_factor");
            long total = s.integer("total_iters");
            return s.base(g) * (startFactor + (s.number("end_factor") - startFactor)
                    * Math.min(total, s.lastEpoch()) / total);
        }));
    }

    private static Object exponentialLr(Args a) {
        Object[] v = bind(Signature.of("ExponentialLR.__init__", "optimizer", REQUIRED, "gamma", REQUIRED,
                "last_epoch", -1L, "verbose", false), a, 2);
        Values.toDouble(v[1], "gamma");
        return new LrScheduler("ExponentialLR", LrScheduler.optimizer(v[0]), own("gamma", v[1]), LrScheduler.Rule.of(
                (s, g) -> s.lastEpoch() == 0 ? s.lrObject(g) : LrScheduler.times(s.lrObject(g), s.get("gamma")),
                (s, g) -> s.base(g) * GlibcPow.pow(s.number("gamma"), s.lastEpoch())));
    }

    private static Object polynomialLr(Args a) {
        Object[] v = bind(Signature.of("PolynomialLR.__init__", "optimizer", REQUIRED, "total_iters", 5L, "power",
                1.0, "last_epoch", -1L, "verbose", false), a, 3);
        Values.toIndex(v[1], "total_iters");
        Values.toDouble(v[2], "power");
        PyDict own = own("total_iters", v[1], "power", v[2]);
        return new LrScheduler("PolynomialLR", LrScheduler.optimizer(v[0]), own, LrScheduler.Rule.of((s, g) -> {
            long epoch = s.lastEpoch();
            long total = s.integer("total_iters");
            if (epoch == 0 || epoch > total) {
                return s.lrObject(g);
            }
            double decay = GlibcPow.pow((1.0 - (double) epoch / total) / (1.0 - (double) (epoch - 1) / total),
                    s.number("power"));
            return s.lr(g) * decay;
        }, (s, g) -> {
            long total = s.integer("total_iters");
            return s.base(g) * GlibcPow.pow(1.0 - (double) Math.min(total, s.lastEpoch()) / total,
                    s.number("power"));
        }));
    }

    private static Object cosineAnnealingLr(Args a) {
        Object[] v = bind(Signature.of("CosineAnnealingLR.__init__", "optimizer", REQUIRED, "T_max", REQUIRED,
                "eta_min", 0L, "last_epoch", -1L, "verbose", false), a, 3);
        Values.toDouble(v[1], "T_max");
        Values.toDouble(v[2], "eta_min");
        return new LrScheduler("CosineAnnealingLR", LrScheduler.optimizer(v[0]), own("T_max", v[1], "eta_min", v[2]),
                LrScheduler.Rule.of(LrSchedules::cosineAnnealing, (s, g) -> {
                    double etaMin = s.number("eta_min");
                    return etaMin + (s.base(g) - etaMin)
                            * (1 + GlibcSinCos.cos(Math.PI * s.lastEpoch() / s.number("T_max"))) / 2;
                }));
    }

    /**
     * CosineAnnealingLR's recursive form, in torch 1.13's order of float operations: at the end of each half period
     * the rate steps up by (base - eta_min)(1 - cos(pi / T_max)) / 2, else it is scaled by the ratio of successive
     * (1 + cos) terms around eta_min.
     */
    private static Object cosineAnnealing(LrScheduler s, int g) {
        long epoch = s.lastEpoch();
        double tMax = s.number("T_max");
        double etaMin = s.number("eta_min");
        if (epoch == 0) {
            return s.lrObject(g);
        }
        if (s.integer("_step_count") == 1 && epoch > 0) {
            return etaMin + (s.base(g) - etaMin) * (1 + GlibcSinCos.cos(epoch * Math.PI / tMax)) / 2;
        }
        if (pyMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            return s.lr(g) + (s.base(g) - etaMin) * (1 - GlibcSinCos.cos(Math.PI / tMax)) / 2;
        }
        return (1 + GlibcSinCos.cos(Math.PI * epoch / tMax)) / (1 + GlibcSinCos.cos(Math.PI * (epoch - 1) / tMax))
                * (s.lr(g) - etaMin) + etaMin;
    }

    /** Python's float {@code a % b}: the result takes the sign of b. */
    private static double pyMod(double a, double b) {
        double r = a % b;
        return r != 0 && (r < 0) != (b < 0) ? r + b : r;
    }

    private static Object cosineAnnealingWarmRestarts(Args a) {
        Object[] v = bind(Signature.of("CosineAnnealingWarmRestarts.__init__", "optimizer", REQUIRED, "T_0",
                REQUIRED, "T_mult", 1L, "eta_min", 0L, "last_epoch", -1L, "verbose", false), a, 4);
        if (!Values.isInteger(v[1]) || Ints.int64(v[1]) <= 0) {
            throw PyError.value("Expected positive integer T_0, but got " + Values.str(v[1]));
        }
        if (!Values.isInteger(v[2]) || Ints.int64(v[2]) < 1) {
            throw PyError.value("Expected integer T_mult >= 1, but got " + Values.str(v[2]));
        }
        Values.toDouble(v[3], "eta_min");
        PyDict own = own("T_0", v[1], "T_i", v[1], "T_mult", v[2], "eta_min", v[3], "T_cur", v[4]);
        return new LrScheduler("CosineAnnealingWarmRestarts", LrScheduler.optimizer(v[0]), own, (s, g) -> {
            double etaMin = s.number("eta_min");
            return etaMin + (s.base(g) - etaMin)
                    * (1 + GlibcSinCos.cos(Math.PI * s.number("T_cur") / s.number("T_i"))) / 2;
        }, LrSchedules::warmRestart);
    }

    /**
     * CosineAnnealingWarmRestarts' own {@code step(epoch)}: T_cur advanced (T_i grown by T_mult at each restart) or
     * set from the epoch given; the step is not counted, and get_lr always used.
     */
    private static boolean warmRestart(LrScheduler s, Long epoch) {
        if (epoch == null && s.lastEpoch() < 0) {
            epoch = 0L;
        }
        if (epoch == null) {
            epoch = s.lastEpoch() + 1;
            long tCur = s.integer("T_cur") + 1;
            long tI = s.integer("T_i");
            if (tCur >= tI) {
                tCur -= tI;
                s.put("T_i", tI * s.integer("T_mult"));
            }
            s.put("T_cur", tCur);
        } else {
            if (epoch < 0) {
                throw PyError.value("Expected non-negative epoch, but got " + epoch);
            }
            long t0 = s.integer("T_0");
            if (epoch >= t0) {
                if (s.integer("T_mult") != 1) {
                    throw new Unsupported("'CosineAnnealingWarmRestarts.step(epoch)' past T_0 with T_mult > 1");
                }
                s.put("T_cur", Math.floorMod(epoch, t0));
            } else {
                s.put("T_i", s.get("T_0"));
                s.put("T_cur", epoch);
            }
        }
        s.put("last_epoch", epoch);
        return false;
    }

    /** A dict of a schedule's own attributes from alternating names and values. */
    static PyDict own(Object... namesAndValues) {
        PyDict d = new PyDict();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            d.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return d;
    }

    /** The arguments, refusing a last_epoch other than -1 and verbose=True (at {@code lastEpoch}, then after it). */
    static Object[] bind(Signature s, Args a, int lastEpoch) {
        Object[] v = s.bind(a);
        if (!Long.valueOf(-1).equals(v[lastEpoch])) {
            throw new Unsupported("'" + a.function() + "(last_epoch=...)'");
        }
        if (Values.truthy(v[lastEpoch + 1])) {
            throw new Unsupported("'" + a.function() + "(verbose=True)'");
        }
        return v;
    }
}
