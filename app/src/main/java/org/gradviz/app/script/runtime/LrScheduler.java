package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.ast.BinaryOp;

/**
 * A {@code torch.optim.lr_scheduler} schedule made on an optimiser, as torch 1.13's {@code _LRScheduler} writes it: it
 * records {@code initial_lr} in the optimiser's parameter groups and takes its first step at once; each
 * {@code step()} counts an epoch and writes the new rate into each group, which the optimiser's next step reads. The
 * rates are computed in Python floats in torch's order. The scheduler's attributes are torch's {@code __dict__} (its
 * own settings first, then {@code base_lrs}, {@code last_epoch}, ...), which the rules read at each step and
 * {@code state_dict()} / {@code load_state_dict()} copy out and back. The schedules themselves are {@link LrSchedules}.
 */
final class LrScheduler implements HasAttributes {
    static final String FILE = "/usr/lib/python3/dist-packages/torch/optim/lr_scheduler.py";
    private static final String EPOCH_DEPRECATION_WARNING = "The epoch parameter in `scheduler.step()` was not "
            + "necessary and is being deprecated where possible. Please use `scheduler.step()` to step the scheduler. "
            + "During the deprecation, if epoch is different from None, the closed form is used instead of the new "
            + "chainable form, where available. Please open an issue if you are unable to replicate your use case: "
            + "https://github.com/pytorch/pytorch/issues/new/choose.";

    private static final String BEFORE_OPTIMIZER_STEP = "Detected call of `lr_scheduler.step()` before "
            + "`optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the opposite order: "
            + "`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch skipping "
            + "the first value of the learning rate schedule. See more details at "
            + "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

    /** How a schedule turns the scheduler's state into group {@code g}'s next rate. */
    interface Rule {
        /** torch's {@code get_lr()} for group {@code g}, the chainable form. */
        Object next(LrScheduler s, int g);

        /** torch's {@code _get_closed_form_lr()}, which {@code step(epoch)} uses; get_lr where torch has none. */
        default Object closedForm(LrScheduler s, int g) {
            return next(s, g);
        }

        /** The same rule with a closed form. */
        static Rule of(Rule chainable, Rule closed) {
            return new Rule() {
                @Override
                public Object next(LrScheduler s, int g) {
                    return chainable.next(s, g);
                }

                @Override
                public Object closedForm(LrScheduler s, int g) {
                    return closed.next(s, g);
                }
            };
        }
    }

    /** How {@code step(epoch)} moves the epoch before the rates are computed; true to use the closed form. */
    interface Advance {
        boolean advance(LrScheduler s, Long epoch);

        /** {@code _LRScheduler.step}: the step counted, the next epoch or the given one (with torch's warning). */
        Advance STANDARD = (s, epoch) -> {
            if (s.integer("_step_count") == 1 && s.optimizerOf().stepCount() < 1) {
                LibraryWarnings.warn(FILE, 138, BEFORE_OPTIMIZER_STEP,
                        "warnings.warn(\"Detected call of `lr_scheduler.step()` before `optimizer.step()`. \"");
            }
            s.put("_step_count", s.integer("_step_count") + 1);
            if (epoch == null) {
                s.put("last_epoch", s.lastEpoch() + 1);
                return false;
            }
            LibraryWarnings.warn(FILE, 163, EPOCH_DEPRECATION_WARNING,
                    "warnings.warn(EPOCH_DEPRECATION_WARNING, UserWarning)");
            s.put("last_epoch", epoch);
            return true;
        };
    }

    private final String name;
    private final Optimizer optimizer;
    private final Rule rule;
    private final Advance advance;
    /** torch's {@code __dict__} without the optimizer, in its order. */
    private final PyDict dict;

    /**
     * A scheduler whose own settings (in torch's order) are in {@code own}: torch's base {@code __init__} then runs,
     * recording initial_lr and taking the first step.
     */
    LrScheduler(String name, Optimizer optimizer, PyDict own, Rule rule, Advance advance) {
        this.name = name;
        this.optimizer = optimizer;
        this.rule = rule;
        this.advance = advance;
        this.dict = own;
        List<Object> bases = new ArrayList<>();
        for (PyDict group : optimizer.groups()) {
            if (!group.containsKey("initial_lr")) {
                group.put("initial_lr", group.get("lr"));
            }
            bases.add(group.get("initial_lr"));
        }
        put("base_lrs", bases);
        put("last_epoch", -1L);
        put("verbose", false);
        initialStep();
    }

    LrScheduler(String name, Optimizer optimizer, PyDict own, Rule rule) {
        this(name, optimizer, own, rule, Advance.STANDARD);
    }

    /** {@code _initial_step}: the step counts (its own and the optimiser's) reset, and a first step. */
    void initialStep() {
        optimizer.resetStepCount();
        put("_step_count", 0L);
        step(null);
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>(LrSchedules.members());
        m.put("ReduceLROnPlateau", new Builtin("ReduceLROnPlateau", ReduceLrOnPlateau::make));
        return m;
    }

    static Optimizer optimizer(Object v) {
        if (v instanceof Optimizer o) {
            return o;
        }
        throw PyError.type(Values.typeName(v) + " is not an Optimizer");
    }

    // ----- what the rules read

    Object get(String key) {
        return dict.get(key);
    }

    void put(String key, Object value) {
        dict.put(key, value);
    }

    double number(String key) {
        return Values.toDouble(get(key), key);
    }

    long integer(String key) {
        return Values.toIndex(get(key), key);
    }

    long lastEpoch() {
        return integer("last_epoch");
    }

    /** Item {@code g} of the list attribute {@code key} (base_lrs, max_lrs, ...), as a float. */
    double item(String key, int g) {
        return Values.toDouble(Values.items(get(key)).get(g), key);
    }

    double base(int g) {
        return item("base_lrs", g);
    }

    PyDict group(int g) {
        return optimizer.groups().get(g);
    }

    /** Group {@code g}'s rate now, as the Python object it is. */
    Object lrObject(int g) {
        return group(g).get("lr");
    }

    double lr(int g) {
        return Values.toDouble(lrObject(g), "lr");
    }

    /** Python's {@code a * b} of two numbers of the schedule (an int rate times an int factor stays an int). */
    static Object times(Object a, Object b) {
        return Operators.binary(BinaryOp.MUL, a, b);
    }

    Optimizer optimizerOf() {
        return optimizer;
    }

    // ----- stepping

    /** {@code scheduler.step(epoch)}: the next epoch (or the given one), its rate written into each group. */
    Object step(Long epoch) {
        boolean closed = advance.advance(this, epoch);
        put("_get_lr_called_within_step", true);
        List<Object> values = new ArrayList<>();
        try {
            for (int g = 0; g < optimizer.groups().size(); g++) {
                values.add(closed ? rule.closedForm(this, g) : rule.next(this, g));
            }
        } finally {
            put("_get_lr_called_within_step", false);
        }
        List<Object> last = new ArrayList<>();
        for (int g = 0; g < values.size(); g++) {
            group(g).put("lr", values.get(g));
            last.add(values.get(g));
        }
        put("_last_lr", last);
        return PyNone.NONE;
    }

    List<Object> lastLr() {
        @SuppressWarnings("unchecked")
        List<Object> last = (List<Object>) get("_last_lr");
        return last;
    }

    /**
     * {@code state_dict()}: the attributes but the optimizer; LambdaLR's and MultiplicativeLR's functions as None
     * (torch keeps only the attributes of a callable object, which gradviz refuses).
     */
    PyDict stateDict() {
        PyDict out = new PyDict();
        for (Object key : dict.keys()) {
            if (!key.equals("lr_lambdas")) {
                out.put(key, dict.get(key));
            }
        }
        if (dict.containsKey("lr_lambdas")) {
            List<Object> none = new ArrayList<>();
            for (Object fn : Values.items(dict.get("lr_lambdas"))) {
                if (!(fn instanceof PyFunction)) {
                    throw new Unsupported("'" + name + ".state_dict' of a schedule given a callable object");
                }
                none.add(PyNone.NONE);
            }
            out.put("lr_lambdas", none);
        }
        return out;
    }

    /** {@code load_state_dict(state_dict)}: torch's {@code __dict__.update}, functions left as they are. */
    void loadStateDict(Object given) {
        PyDict state = stateDictArgument(given);
        for (Object key : state.keys()) {
            if (key.equals("lr_lambdas") && dict.containsKey("lr_lambdas")) {
                for (Object fn : Values.items(state.get(key))) {
                    if (fn != PyNone.NONE) {
                        throw new Unsupported("'" + name + ".load_state_dict' of a callable object's attributes");
                    }
                }
                continue;
            }
            if (!(key instanceof String)) {
                throw new Unsupported("'" + name + ".load_state_dict' of a key that is not a str");
            }
            dict.put(key, state.get(key));
        }
    }

    /** A state_dict argument: a dict, else Python's error for the method torch calls on it. */
    static PyDict stateDictArgument(Object given) {
        if (given instanceof PyDict d) {
            return d;
        }
        throw PyError.attribute("'" + Values.typeName(given) + "' object has no attribute 'items'");
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "step" -> new Builtin("step", a -> {
                Object[] v = Signature.of(name + ".step", "epoch", PyNone.NONE).bind(a);
                if (v[0] != PyNone.NONE && !Values.isInteger(v[0])) {
                    throw new Unsupported("'" + name + ".step(epoch)' with an epoch that is not an int");
                }
                return step(v[0] == PyNone.NONE ? null : Ints.int64(v[0]));
            });
            case "get_last_lr" -> new Builtin("get_last_lr", a -> {
                a.accept(0);
                return lastLr();
            });
            case "state_dict" -> new Builtin("state_dict", a -> {
                a.accept(0);
                return stateDict();
            });
            case "load_state_dict" -> new Builtin("load_state_dict", a -> {
                Object[] v = Signature.of(name + ".load_state_dict", "state_dict", Signature.REQUIRED).bind(a);
                loadStateDict(v[0]);
                return PyNone.NONE;
            });
            case "optimizer" -> optimizer;
            case "get_lr", "print_lr" -> throw new Unsupported("'" + name + "." + attribute + "'");
            default -> dict.containsKey(attribute) && !attribute.equals("lr_lambdas") ? dict.get(attribute) : null;
        };
    }

    @Override
    public String typeName() {
        return name;
    }

    /** A value of the state Python shows only by its repr: a bound method, a dead weak reference. */
    record Opaque(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
