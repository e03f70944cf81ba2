package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau} as torch 1.13 writes it: {@code step(metric)} counts the epochs
 * in which the metric did not improve on the best by the threshold, and when more than {@code patience} have passed
 * (outside a cooldown) multiplies the group's rate by {@code factor}, not below {@code min_lr}, unless the change is
 * within {@code eps}. The comparisons are Python float arithmetic in torch's order.
 */
final class ReduceLrOnPlateau implements HasAttributes {
    private static final Object REQUIRED = Signature.REQUIRED;

    private final Optimizer optimizer;
    private final boolean minimise;
    private final boolean relative;
    private final double factor;
    private final long patience;
    private final double threshold;
    private final long cooldown;
    private final double minLr;
    private final double eps;
    private double best;
    private long numBadEpochs;
    private long cooldownCounter;
    private long lastEpoch;
    private List<Object> lastLr;

    private ReduceLrOnPlateau(Optimizer optimizer, Object[] v) {
        this.optimizer = optimizer;
        String mode = text(v[1]);
        String thresholdMode = text(v[5]);
        if (!mode.equals("min") && !mode.equals("max")) {
            throw PyError.value("mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw PyError.value("threshold mode " + thresholdMode + " is unknown!");
        }
        this.factor = Values.toDouble(v[2], "factor");
        if (factor >= 1.0) {
            throw PyError.value("Factor should be < 1.0.");
        }
        this.minimise = mode.equals("min");
        this.relative = thresholdMode.equals("rel");
        this.patience = Values.toIndex(v[3], "patience");
        this.threshold = Values.toDouble(v[4], "threshold");
        this.cooldown = Values.toIndex(v[6], "cooldown");
        if (!Values.isInteger(v[7]) && !(v[7] instanceof Double)) {
            throw new Unsupported("'ReduceLROnPlateau(min_lr=...)' with one rate per group");
        }
        this.minLr = Values.toDouble(v[7], "min_lr");
        this.eps = Values.toDouble(v[8], "eps");
        if (Values.truthy(v[9])) {
            throw new Unsupported("'ReduceLROnPlateau(verbose=True)'");
        }
        this.best = minimise ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    static Object make(Args a) {
        Object[] v = Signature.of("ReduceLROnPlateau.__init__", "optimizer", REQUIRED, "mode", "min", "factor", 0.1,
                "patience", 10L, "threshold", 1e-4, "threshold_mode", "rel", "cooldown", 0L, "min_lr", 0L, "eps",
                1e-8, "verbose", false).bind(a);
        return new ReduceLrOnPlateau(LrScheduler.optimizer(v[0]), v);
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw PyError.type("can only concatenate str (not \"" + Values.typeName(v) + "\") to str");
    }

    /** torch's {@code is_better}: better than the best by more than the threshold, relative or absolute. */
    private boolean isBetter(double a) {
        if (minimise) {
            return relative ? a < best * (1. - threshold) : a < best - threshold;
        }
        return relative ? a > best * (threshold + 1.) : a > best + threshold;
    }

    /** {@code scheduler.step(metrics)}. */
    private Object step(Args a) {
        Object[] v = Signature.of("ReduceLROnPlateau.step", "metrics", REQUIRED, "epoch", PyNone.NONE).bind(a);
        if (v[1] != PyNone.NONE) {
            throw new Unsupported("'ReduceLROnPlateau.step(epoch=...)'");
        }
        double current = Values.toDouble(v[0], "metrics");
        lastEpoch++;
        if (isBetter(current)) {
            best = current;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduceLr();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        lastLr = new ArrayList<>();
        optimizer.groups().forEach(group -> lastLr.add(group.get("lr")));
        return PyNone.NONE;
    }

    /**
     * {@code _reduce_lr}: each group's rate times the factor, not below min_lr, written only when it moves by more
     * than eps.
     */
    private void reduceLr() {
        for (PyDict group : optimizer.groups()) {
            double oldLr = Values.toDouble(group.get("lr"), "lr");
            double newLr = Math.max(oldLr * factor, minLr);
            if (oldLr - newLr > eps) {
                group.put("lr", newLr);
            }
        }
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "step" -> new Builtin("step", this::step);
            case "best" -> best;
            case "num_bad_epochs" -> numBadEpochs;
            case "cooldown_counter" -> cooldownCounter;
            case "last_epoch" -> lastEpoch;
            case "patience" -> patience;
            case "factor" -> factor;
            case "optimizer" -> optimizer;
            case "_last_lr" -> lastLr;
            case "state_dict", "load_state_dict" -> throw new Unsupported("'ReduceLROnPlateau." + attribute + "'");
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return "ReduceLROnPlateau";
    }
}
