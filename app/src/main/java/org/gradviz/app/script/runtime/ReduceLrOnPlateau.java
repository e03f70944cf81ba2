package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau} as torch 1.13 writes it: {@code step(metric)} counts the epochs
 * in which the metric did not improve on the best by the threshold, and when more than {@code patience} have passed
 * (outside a cooldown) multiplies each group's rate by {@code factor}, not below its {@code min_lr}, unless the change
 * is within {@code eps}. The comparisons are Python float arithmetic in torch's order. Its attributes are torch's
 * {@code __dict__}, read at each step, which {@code state_dict()} copies out and {@code load_state_dict()} back.
 */
final class ReduceLrOnPlateau implements HasAttributes {
    private static final Object REQUIRED = Signature.REQUIRED;

    private final Optimizer optimizer;
    /** torch's {@code __dict__} without the optimizer, in its order. */
    private final PyDict dict = new PyDict();

    private ReduceLrOnPlateau(Object[] v) {
        double factor = Values.toDouble(v[2], "factor");
        if (factor >= 1.0) {
            throw PyError.value("Factor should be < 1.0.");
        }
        dict.put("factor", v[2]);
        this.optimizer = LrScheduler.optimizer(v[0]);
        int groups = optimizer.groups().size();
        if (v[7] instanceof List<?> || v[7] instanceof PyTuple) {
            List<?> given = Values.items(v[7]);
            if (given.size() != groups) {
                throw PyError.value("expected " + groups + " min_lrs, got " + given.size());
            }
            dict.put("min_lrs", new ArrayList<Object>(given));
        } else {
            dict.put("min_lrs", new ArrayList<>(Collections.nCopies(groups, v[7])));
        }
        if (Values.truthy(v[9])) {
            throw new Unsupported("'ReduceLROnPlateau(verbose=True)'");
        }
        dict.put("patience", v[3]);
        dict.put("verbose", v[9]);
        dict.put("cooldown", v[6]);
        dict.put("cooldown_counter", 0L);
        dict.put("mode", v[1]);
        dict.put("threshold", v[4]);
        dict.put("threshold_mode", v[5]);
        dict.put("best", PyNone.NONE);
        dict.put("num_bad_epochs", PyNone.NONE);
        dict.put("mode_worse", PyNone.NONE);
        dict.put("eps", v[8]);
        dict.put("last_epoch", 0L);
        initIsBetter();
        dict.put("best", dict.get("mode_worse"));
        dict.put("cooldown_counter", 0L);
        dict.put("num_bad_epochs", 0L);
    }

    static Object make(Args a) {
        Object[] v = Signature.of("ReduceLROnPlateau.__init__", "optimizer", REQUIRED, "mode", "min", "factor", 0.1,
                "patience", 10L, "threshold", 1e-4, "threshold_mode", "rel", "cooldown", 0L, "min_lr", 0L, "eps",
                1e-8, "verbose", false).bind(a);
        return new ReduceLrOnPlateau(v);
    }

    /** {@code _init_is_better}: the mode and threshold mode checked, and the worst value of the mode. */
    private void initIsBetter() {
        String mode = text(dict.get("mode"));
        String thresholdMode = text(dict.get("threshold_mode"));
        if (!mode.equals("min") && !mode.equals("max")) {
            throw PyError.value("mode " + mode + " is unknown!");
        }
        if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
            throw PyError.value("threshold mode " + thresholdMode + " is unknown!");
        }
        dict.put("mode_worse", mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw PyError.type("can only concatenate str (not \"" + Values.typeName(v) + "\") to str");
    }

    private double number(String key) {
        return Values.toDouble(dict.get(key), key);
    }

    private long integer(String key) {
        return Values.toIndex(dict.get(key), key);
    }

    /** torch's {@code is_better}: better than the best by more than the threshold, relative or absolute. */
    private boolean isBetter(double a, double best) {
        boolean relative = "rel".equals(dict.get("threshold_mode"));
        double threshold = number("threshold");
        if ("min".equals(dict.get("mode"))) {
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
        long epoch = integer("last_epoch") + 1;
        dict.put("last_epoch", epoch);
        if (isBetter(current, number("best"))) {
            dict.put("best", current);
            dict.put("num_bad_epochs", 0L);
        } else {
            dict.put("num_bad_epochs", integer("num_bad_epochs") + 1);
        }
        if (integer("cooldown_counter") > 0) {
            dict.put("cooldown_counter", integer("cooldown_counter") - 1);
            dict.put("num_bad_epochs", 0L);
        }
        if (integer("num_bad_epochs") > integer("patience")) {
            reduceLr();
            dict.put("cooldown_counter", dict.get("cooldown"));
            dict.put("num_bad_epochs", 0L);
        }
        List<Object> lastLr = new ArrayList<>();
        optimizer.groups().forEach(group -> lastLr.add(group.get("lr")));
        dict.put("_last_lr", lastLr);
        return PyNone.NONE;
    }

    /**
     * {@code _reduce_lr}: each group's rate times the factor, not below its min_lr, written only when it moves by
     * more than eps.
     */
    private void reduceLr() {
        List<PyDict> groups = optimizer.groups();
        for (int i = 0; i < groups.size(); i++) {
            PyDict group = groups.get(i);
            double oldLr = Values.toDouble(group.get("lr"), "lr");
            double newLr = Math.max(oldLr * number("factor"),
                    Values.toDouble(Values.items(dict.get("min_lrs")).get(i), "min_lr"));
            if (oldLr - newLr > number("eps")) {
                group.put("lr", newLr);
            }
        }
    }

    private PyDict stateDict() {
        PyDict out = new PyDict();
        dict.keys().forEach(k -> out.put(k, dict.get(k)));
        return out;
    }

    /** torch's {@code __dict__.update(state_dict)}, then {@code _init_is_better} of the mode loaded. */
    private void loadStateDict(Object given) {
        PyDict state = LrScheduler.stateDictArgument(given);
        for (Object key : state.keys()) {
            if (!(key instanceof String)) {
                throw new Unsupported("'ReduceLROnPlateau.load_state_dict' of a key that is not a str");
            }
            dict.put(key, state.get(key));
        }
        initIsBetter();
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "step" -> new Builtin("step", this::step);
            case "state_dict" -> new Builtin("state_dict", a -> {
                a.accept(0);
                return stateDict();
            });
            case "load_state_dict" -> new Builtin("load_state_dict", a -> {
                Object[] v = Signature.of("ReduceLROnPlateau.load_state_dict", "state_dict", REQUIRED).bind(a);
                loadStateDict(v[0]);
                return PyNone.NONE;
            });
            case "in_cooldown" -> integer("cooldown_counter") > 0;
            case "optimizer" -> optimizer;
            default -> dict.containsKey(attribute) ? dict.get(attribute) : null;
        };
    }

    @Override
    public String typeName() {
        return "ReduceLROnPlateau";
    }
}
