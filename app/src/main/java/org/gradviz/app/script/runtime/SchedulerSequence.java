package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SequentialLR} (one schedule after another, the next one started at each milestone with
 * {@code step(0)}, its closed form) and {@code ChainedScheduler} (every schedule stepped in turn), as torch 1.13 writes
 * them: their attributes are torch's {@code __dict__} ({@code _milestones}, {@code last_epoch}, {@code _last_lr}), and
 * their state_dict holds each schedule's.
 */
final class SchedulerSequence implements HasAttributes {
    private static final Object REQUIRED = Signature.REQUIRED;

    private final String name;
    private final Optimizer optimizer;
    private final List<LrScheduler> schedulers;
    /** torch's {@code __dict__} without the optimizer and the schedulers. */
    private final PyDict dict = new PyDict();

    private SchedulerSequence(String name, Optimizer optimizer, List<LrScheduler> schedulers) {
        this.name = name;
        this.optimizer = optimizer;
        this.schedulers = schedulers;
    }

    static Object sequential(Args a) {
        Object[] v = LrSchedules.bind(Signature.of("SequentialLR.__init__", "optimizer", REQUIRED, "schedulers",
                REQUIRED, "milestones", REQUIRED, "last_epoch", -1L, "verbose", false), a, 3);
        List<LrScheduler> schedulers = schedulers("SequentialLR", v[1]);
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizerOf() != v[0]) {
                throw PyError.value("Sequential Schedulers expects all schedulers to belong to the same optimizer, "
                        + "but got schedulers at index " + i + " to be different than the optimizer passed in.");
            }
        }
        List<Object> milestones = Values.items(v[2]).stream().map(Object.class::cast).toList();
        if (milestones.size() != schedulers.size() - 1) {
            throw PyError.value("Sequential Schedulers expects number of schedulers provided to be one more than the "
                    + "number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.size());
        }
        Optimizer optimizer = (Optimizer) v[0];
        SchedulerSequence s = new SchedulerSequence("SequentialLR", optimizer, schedulers);
        s.dict.put("_milestones", v[2]);
        s.dict.put("last_epoch", 0L);
        for (PyDict group : optimizer.groups()) {
            if (!group.containsKey("initial_lr")) {
                throw PyDict.keyError("initial_lr");
            }
            group.put("lr", group.get("initial_lr"));
        }
        for (LrScheduler scheduler : schedulers) {
            scheduler.put("last_epoch", scheduler.lastEpoch() - 1);
        }
        schedulers.get(0).initialStep();
        s.dict.put("_last_lr", schedulers.get(0).lastLr());
        return s;
    }

    static Object chained(Args a) {
        Object[] v = Signature.of("ChainedScheduler.__init__", "schedulers", REQUIRED).bind(a);
        List<LrScheduler> schedulers = schedulers("ChainedScheduler", v[0]);
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizerOf() != schedulers.get(0).optimizerOf()) {
                throw PyError.value("ChainedScheduler expects all schedulers to belong to the same optimizer, but "
                        + "got schedulers at index 0 and " + i + " to be different");
            }
        }
        SchedulerSequence s = new SchedulerSequence("ChainedScheduler", schedulers.get(0).optimizerOf(), schedulers);
        s.dict.put("_last_lr", s.groupRates());
        return s;
    }

    private static List<LrScheduler> schedulers(String name, Object given) {
        List<LrScheduler> out = new ArrayList<>();
        for (Object item : Iteration.items(given)) {
            if (!(item instanceof LrScheduler s)) {
                throw new Unsupported("'" + name + "' of a " + Values.typeName(item));
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw PyError.index("list index out of range");
        }
        return out;
    }

    private List<Object> groupRates() {
        List<Object> rates = new ArrayList<>();
        optimizer.groups().forEach(g -> rates.add(g.get("lr")));
        return rates;
    }

    private Object step() {
        if (name.equals("ChainedScheduler")) {
            schedulers.forEach(s -> s.step(null));
            dict.put("_last_lr", groupRates());
            return PyNone.NONE;
        }
        long epoch = Values.toIndex(dict.get("last_epoch"), "last_epoch") + 1;
        dict.put("last_epoch", epoch);
        List<?> milestones = Values.items(dict.get("_milestones"));
        int idx = 0;
        while (idx < milestones.size() && Values.toDouble(milestones.get(idx), "milestones") <= epoch) {
            idx++;
        }
        LrScheduler scheduler = schedulers.get(idx);
        boolean starts = idx > 0 && Values.toDouble(milestones.get(idx - 1), "milestones") == epoch;
        scheduler.step(starts ? 0L : null);
        dict.put("_last_lr", scheduler.lastLr());
        return PyNone.NONE;
    }

    private PyDict stateDict() {
        PyDict out = new PyDict();
        dict.keys().forEach(k -> out.put(k, dict.get(k)));
        List<Object> states = new ArrayList<>();
        schedulers.forEach(s -> states.add(s.stateDict()));
        out.put("_schedulers", states);
        return out;
    }

    private void loadStateDict(Object given) {
        PyDict state = LrScheduler.stateDictArgument(given);
        if (!state.containsKey("_schedulers")) {
            throw PyDict.keyError("_schedulers");
        }
        for (Object key : state.keys()) {
            if (!key.equals("_schedulers")) {
                dict.put(key, state.get(key));
            }
        }
        List<?> states = Values.items(state.get("_schedulers"));
        for (int i = 0; i < states.size(); i++) {
            schedulers.get(i).loadStateDict(states.get(i));
        }
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "step" -> new Builtin("step", a -> {
                Signature.of(name + ".step", "self", REQUIRED).bind(a.withSelf(this));
                return step();
            });
            case "get_last_lr" -> new Builtin("get_last_lr", a -> {
                a.accept(0);
                return dict.get("_last_lr");
            });
            case "state_dict" -> new Builtin("state_dict", a -> {
                a.accept(0);
                return stateDict();
            });
            case "load_state_dict" -> new Builtin("load_state_dict", a -> {
                Object[] v = Signature.of(name + ".load_state_dict", "state_dict", REQUIRED).bind(a);
                loadStateDict(v[0]);
                return PyNone.NONE;
            });
            case "optimizer" -> optimizer;
            case "_schedulers" -> new ArrayList<Object>(schedulers);
            default -> dict.containsKey(attribute) ? dict.get(attribute) : null;
        };
    }

    @Override
    public String typeName() {
        return name;
    }
}
