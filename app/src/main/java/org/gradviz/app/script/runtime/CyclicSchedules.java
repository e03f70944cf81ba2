package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradviz.engine.kernels.GlibcPow;
import org.gradviz.engine.kernels.GlibcSinCos;

/**
 * {@code CyclicLR} and {@code OneCycleLR} as torch 1.13 writes them: besides the rate they cycle each group's
 * momentum (SGD's {@code momentum}, or the first of the Adam family's {@code betas} for OneCycleLR), which the
 * optimiser's next step reads. Python float arithmetic in torch's order; cosines glibc's, as {@code math.cos}.
 */
final class CyclicSchedules {
    private static final Object REQUIRED = Signature.REQUIRED;

    private CyclicSchedules() {
    }

    /** OneCycleLR's {@code anneal_func}: which annealing, shown as torch shows the bound method. */
    record AnnealFunc(boolean cos, String text) {
        double apply(double start, double end, double pct) {
            if (cos) {
                double cosOut = GlibcSinCos.cos(Math.PI * pct) + 1;
                return end + (start - end) / 2.0 * cosOut;
            }
            return (end - start) * pct + start;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Object cyclicLr(Args a) {
        Object[] v = LrSchedules.bind(Signature.of("CyclicLR.__init__", "optimizer", REQUIRED, "base_lr", REQUIRED,
                "max_lr", REQUIRED, "step_size_up", 2000L, "step_size_down", PyNone.NONE, "mode", "triangular",
                "gamma", 1.0, "scale_fn", PyNone.NONE, "scale_mode", "cycle", "cycle_momentum", true,
                "base_momentum", 0.8, "max_momentum", 0.9, "last_epoch", -1L, "verbose", false), a, 12);
        Optimizer optimizer = LrScheduler.optimizer(v[0]);
        Object baseLrs = formatParam("base_lr", optimizer, v[1]);
        List<PyDict> groups = optimizer.groups();
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).put("lr", Values.items(baseLrs).get(g));
        }
        Object maxLrs = formatParam("max_lr", optimizer, v[2]);
        double up = Values.toDouble(v[3], "step_size_up");
        double down = v[4] == PyNone.NONE ? up : Values.toDouble(v[4], "step_size_down");
        double totalSize = up + down;
        String mode = v[5] instanceof String s ? s : "";
        if (!List.of("triangular", "triangular2", "exp_range").contains(mode) && v[7] == PyNone.NONE) {
            throw PyError.value("mode is invalid and scale_fn is None");
        }
        PyDict own = LrSchedules.own("max_lrs", maxLrs, "total_size", totalSize, "step_ratio", up / totalSize,
                "mode", v[5], "gamma", v[6]);
        if (v[7] == PyNone.NONE) {
            own.put("_scale_fn_custom", PyNone.NONE);
            // NOTE: a weak reference to the scheduler's bound scale method, shown alive (the program holds it)
            own.put("_scale_fn_ref", new LrScheduler.Opaque("<weakref at " + Addresses.of(own) + "; to 'CyclicLR' at "
                    + Addresses.of(optimizer) + ">"));
            own.put("scale_mode", mode.equals("exp_range") ? "iterations" : "cycle");
        } else {
            own.put("_scale_fn_custom", v[7]);
            own.put("_scale_fn_ref", PyNone.NONE);
            own.put("scale_mode", v[8]);
        }
        boolean cycleMomentum = Values.truthy(v[9]);
        own.put("cycle_momentum", v[9]);
        if (cycleMomentum) {
            if (!optimizer.hasSetting("momentum")) {
                throw PyError.value("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            Object baseMomentums = formatParam("base_momentum", optimizer, v[10]);
            List<Object> momentums = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                groups.get(g).put("momentum", Values.items(baseMomentums).get(g));
                momentums.add(groups.get(g).get("momentum"));
            }
            own.put("base_momentums", momentums);
            own.put("max_momentums", formatParam("max_momentum", optimizer, v[11]));
        }
        LrScheduler s = new LrScheduler("CyclicLR", optimizer, own, CyclicSchedules::cyclic);
        s.put("base_lrs", baseLrs);
        return s;
    }

    /** CyclicLR's get_lr for group g: the rate (and the momentum, written into the group). */
    private static Object cyclic(LrScheduler s, int g) {
        long epoch = s.lastEpoch();
        double totalSize = s.number("total_size");
        double stepRatio = s.number("step_ratio");
        long cycle = (long) Math.floor(1 + epoch / totalSize);
        double x = 1. + epoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scaleFn(s, "cycle".equals(s.get("scale_mode")) ? cycle : epoch);
        double base = s.base(g);
        double lr = base + (s.item("max_lrs", g) - base) * scaleFactor * scale;
        if (Values.truthy(s.get("cycle_momentum"))) {
            double maxMomentum = s.item("max_momentums", g);
            double height = (maxMomentum - s.item("base_momentums", g)) * scaleFactor;
            s.group(g).put("momentum", maxMomentum - height * scale);
        }
        return lr;
    }

    /** CyclicLR's {@code scale_fn(x)}: the program's function, or the mode's. */
    private static double scaleFn(LrScheduler s, long x) {
        Object custom = s.get("_scale_fn_custom");
        if (custom != PyNone.NONE) {
            if (!(custom instanceof PyCallable fn)) {
                throw PyError.type("'" + Values.typeName(custom) + "' object is not callable");
            }
            return Values.toDouble(fn.call(new Args("scale_fn", List.of(x), java.util.Map.of())), "scale_fn");
        }
        return switch (String.valueOf(s.get("mode"))) {
            case "triangular2" -> 1 / GlibcPow.pow(2., x - 1);
            case "exp_range" -> GlibcPow.pow(s.number("gamma"), x);
            default -> 1.;
        };
    }

    static Object oneCycleLr(Args a) {
        Object[] v = LrSchedules.bind(Signature.of("OneCycleLR.__init__", "optimizer", REQUIRED, "max_lr", REQUIRED,
                "total_steps", PyNone.NONE, "epochs", PyNone.NONE, "steps_per_epoch", PyNone.NONE, "pct_start", 0.3,
                "anneal_strategy", "cos", "cycle_momentum", true, "base_momentum", 0.85, "max_momentum", 0.95,
                "div_factor", 25., "final_div_factor", 1e4, "three_phase", false, "last_epoch", -1L,
                "verbose", false), a, 13);
        Optimizer optimizer = LrScheduler.optimizer(v[0]);
        long totalSteps;
        if (v[2] == PyNone.NONE && v[3] == PyNone.NONE && v[4] == PyNone.NONE) {
            throw PyError.value("You must define either total_steps OR (epochs AND steps_per_epoch)");
        } else if (v[2] != PyNone.NONE) {
            totalSteps = positiveInteger(v[2], "total_steps");
        } else {
            totalSteps = positiveInteger(v[3], "epochs") * positiveInteger(v[4], "steps_per_epoch");
        }
        double pct = v[5] instanceof Double d ? d : Double.NaN;
        List<Object> phases = new ArrayList<>();
        if (Values.truthy(v[12])) {
            phases.add(phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            phases.add(phase(2 * pct * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"));
            phases.add(phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"));
        } else {
            phases.add(phase(pct * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"));
            phases.add(phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        }
        if (!(v[5] instanceof Double) || pct < 0 || pct > 1) {
            throw PyError.value("Expected float between 0 and 1 pct_start, but got " + Values.str(v[5]));
        }
        if (!"cos".equals(v[6]) && !"linear".equals(v[6])) {
            throw PyError.value("anneal_strategy must by one of 'cos' or 'linear', instead got " + Values.str(v[6]));
        }
        PyDict own = LrSchedules.own("total_steps", totalSteps, "_schedule_phases", phases);
        boolean cos = "cos".equals(v[6]);
        own.put("anneal_func", new AnnealFunc(cos, "<bound method OneCycleLR._annealing_" + (cos ? "cos" : "linear")
                + " of <torch.optim.lr_scheduler.OneCycleLR object at " + Addresses.of(own) + ">>"));
        List<PyDict> groups = optimizer.groups();
        List<?> maxLrs = Values.items(formatParam("max_lr", optimizer, v[1]));
        double divFactor = Values.toDouble(v[10], "div_factor");
        double finalDivFactor = Values.toDouble(v[11], "final_div_factor");
        for (int g = 0; g < groups.size(); g++) {
            double initial = Values.toDouble(maxLrs.get(g), "max_lr") / divFactor;
            groups.get(g).put("initial_lr", initial);
            groups.get(g).put("max_lr", maxLrs.get(g));
            groups.get(g).put("min_lr", initial / finalDivFactor);
        }
        own.put("cycle_momentum", v[7]);
        if (Values.truthy(v[7])) {
            if (!optimizer.hasSetting("momentum") && !optimizer.hasSetting("betas")) {
                throw PyError.value("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            boolean beta1 = optimizer.hasSetting("betas");
            own.put("use_beta1", beta1);
            List<?> maxMomentums = Values.items(formatParam("max_momentum", optimizer, v[9]));
            List<?> baseMomentums = Values.items(formatParam("base_momentum", optimizer, v[8]));
            for (int g = 0; g < groups.size(); g++) {
                setMomentum(groups.get(g), beta1, maxMomentums.get(g));
                groups.get(g).put("max_momentum", maxMomentums.get(g));
                groups.get(g).put("base_momentum", baseMomentums.get(g));
            }
        }
        return new LrScheduler("OneCycleLR", optimizer, own, CyclicSchedules::oneCycle);
    }

    /** OneCycleLR's get_lr for group g: the phase the step is in, annealed from its start to its end. */
    private static Object oneCycle(LrScheduler s, int g) {
        long step = s.lastEpoch();
        long total = s.integer("total_steps");
        if (step > total) {
            throw PyError.value("Tried to step " + (step + 1) + " times. The specified number of total steps is "
                    + total);
        }
        PyDict group = s.group(g);
        AnnealFunc anneal = (AnnealFunc) s.get("anneal_func");
        List<?> phases = Values.items(s.get("_schedule_phases"));
        Object startStep = 0L;
        for (int i = 0; i < phases.size(); i++) {
            PyDict phase = (PyDict) phases.get(i);
            Object endStep = phase.get("end_step");
            double end = Values.toDouble(endStep, "end_step");
            if (step <= end || i == phases.size() - 1) {
                double start = Values.toDouble(startStep, "end_step");
                if (end - start == 0) {
                    throw PyError.zeroDivision(endStep instanceof Double || startStep instanceof Double
                            ? "float division by zero" : "division by zero");
                }
                double pct = (step - start) / (end - start);
                double lr = anneal.apply(number(group, phase, "start_lr"), number(group, phase, "end_lr"), pct);
                if (Values.truthy(s.get("cycle_momentum"))) {
                    double momentum = anneal.apply(number(group, phase, "start_momentum"),
                            number(group, phase, "end_momentum"), pct);
                    setMomentum(group, Values.truthy(s.get("use_beta1")), momentum);
                }
                return lr;
            }
            startStep = endStep;
        }
        throw new IllegalStateException("OneCycleLR without phases");
    }

    /** {@code group[phase[key]]}: the group's value of the setting the phase names. */
    private static double number(PyDict group, PyDict phase, String key) {
        Object name = phase.get(key);
        if (!group.containsKey(name)) {
            throw PyDict.keyError(name);
        }
        return Values.toDouble(group.get(name), String.valueOf(name));
    }

    /** The group's momentum: {@code momentum}, or the first of {@code betas} for the Adam family. */
    private static void setMomentum(PyDict group, boolean beta1, Object momentum) {
        if (beta1) {
            List<Object> betas = new ArrayList<>(Values.items(group.get("betas")));
            betas.set(0, momentum);
            group.put("betas", new PyTuple(betas));
        } else {
            group.put("momentum", momentum);
        }
    }

    private static PyDict phase(Object endStep, String startLr, String endLr, String startMomentum,
            String endMomentum) {
        return LrSchedules.own("end_step", endStep, "start_lr", startLr, "end_lr", endLr,
                "start_momentum", startMomentum, "end_momentum", endMomentum);
    }

    /** {@code total_steps <= 0 or not isinstance(total_steps, int)} and its ValueError. */
    private static long positiveInteger(Object v, String name) {
        if (!Values.isNumber(v)) {
            throw PyError.type("'<=' not supported between instances of '" + Values.typeName(v) + "' and 'int'");
        }
        if (Values.toDouble(v, name) <= 0 || !Values.isInteger(v)) {
            throw PyError.value("Expected positive integer " + name + ", but got " + Values.str(v));
        }
        return Ints.int64(v);
    }

    /** {@code _format_param}: a list or tuple of one value per group (kept as given), else the value per group. */
    private static Object formatParam(String name, Optimizer optimizer, Object param) {
        int groups = optimizer.groups().size();
        if (param instanceof List<?> || param instanceof PyTuple) {
            int n = Values.items(param).size();
            if (n != groups) {
                throw PyError.value("expected " + groups + " values for " + name + ", got " + n);
            }
            return param;
        }
        return new ArrayList<>(Collections.nCopies(groups, param));
    }
}
