package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.gradviz.engine.Tensor;

/**
 * A {@code torch.optim} optimiser as a program sees it: {@code zero_grad()}, {@code step()}, torch's repr and its
 * parameter groups, {@code param_groups}, each a dict of its parameters and settings, updated in order by an engine
 * optimiser of its own (torch's single-tensor updates touch one parameter at a time, so that is torch's order).
 * Assigning a group's {@code "lr"} changes the rate its next step uses (a schedule written by hand), as do SGD's
 * {@code "momentum"} and the Adam family's {@code "betas"} (CyclicLR and OneCycleLR cycle them); changing another
 * setting there is refused at the step rather than ignored. {@code add_param_group} makes a group as the constructor
 * made the others; {@code state_dict()} and {@code load_state_dict()} are {@link OptimizerStateDict}.
 */
public final class Optimizer implements HasAttributes {
    /**
     * One parameter group: the engine optimiser of its parameters, its settings as given, its dict, and how a
     * setting other than lr that may change between steps (SGD's momentum, the Adam family's betas) reaches the engine.
     */
    record Group(org.gradviz.engine.optim.Optimizer engine, Map<String, Object> settings, PyDict dict,
            Map<String, Consumer<Object>> adjusters) {
        /** The same group seen through another dict (a loaded state's). */
        Group withDict(PyDict other) {
            return new Group(engine, settings, other, adjusters);
        }
    }

    /** How {@code add_param_group} makes the optimiser of a new group dict, as the constructor made the others. */
    interface GroupMaker {
        Optimizer make(PyDict group);
    }

    private final String name;
    private final List<Group> groups;
    /** torch's {@code optimizer.defaults}: the constructor's settings; null when gradviz cannot know them. */
    private final PyDict defaults;
    private GroupMaker groupMaker;
    /** torch's {@code optimizer._step_count}: the steps since a scheduler was made on it (for its warning). */
    private long stepCount;

    /**
     * @param name the class name, {@code SGD}
     * @param engine the optimiser that does the updates
     * @param settings the parameter group's settings as the program gave them (or torch's defaults), in torch's order
     */
    public Optimizer(String name, org.gradviz.engine.optim.Optimizer engine, Map<String, Object> settings) {
        this(name, engine, settings, Map.of());
    }

    /** The same, with the settings besides lr that the engine takes anew at each step (by name). */
    Optimizer(String name, org.gradviz.engine.optim.Optimizer engine, Map<String, Object> settings,
            Map<String, Consumer<Object>> adjusters) {
        PyDict group = new PyDict();
        group.put("params", new ArrayList<Object>(engine.params()));
        settings.forEach(group::put);
        this.name = name;
        this.groups = new ArrayList<>(List.of(new Group(engine, settings, group, adjusters)));
        this.defaults = new PyDict();
        settings.forEach(defaults::put);
    }

    private Optimizer(String name, List<Group> groups, PyDict defaults) {
        this.name = name;
        this.groups = groups;
        this.defaults = defaults;
    }

    /**
     * An optimiser of several parameter groups, one made for each; {@code keyOrders} gives each group dict's keys
     * in torch's order (the keys the program wrote, then the defaults it left out); {@code constructed} is one made
     * of the constructor's settings alone, whose group's settings are the defaults (null when it has none: SGD's lr
     * given only in the groups).
     */
    static Optimizer ofGroups(List<Optimizer> parts, List<List<String>> keyOrders, Optimizer constructed) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Group g = parts.get(i).groups.get(0);
            PyDict dict = new PyDict();
            dict.put("params", g.dict().get("params"));
            for (String key : keyOrders.get(i)) {
                dict.put(key, g.dict().get(key));
            }
            g.dict().keys().forEach(k -> {
                if (!dict.containsKey(k)) {
                    dict.put(k, g.dict().get(k));
                }
            });
            groups.add(new Group(g.engine(), g.settings(), dict, g.adjusters()));
        }
        return new Optimizer(parts.get(0).name, groups, constructed == null ? null : constructed.defaults);
    }

    /** This optimiser, able to add parameter groups made by {@code maker}. */
    Optimizer withGroupMaker(GroupMaker maker) {
        this.groupMaker = maker;
        return this;
    }

    /** The parameters of every group, in order. */
    List<Tensor> params() {
        List<Tensor> all = new ArrayList<>();
        groups.forEach(g -> all.addAll(g.engine().params()));
        return all;
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "zero_grad" -> new Builtin("zero_grad", a -> {
                Object[] v = Signature.of("Optimizer.zero_grad", "set_to_none", false).bind(a);
                groups.forEach(g -> g.engine().zeroGrad(Values.truthy(v[0])));
                return PyNone.NONE;
            });
            case "step" -> new Builtin("step", a -> {
                Object[] v = Signature.of(name + ".step", "closure", PyNone.NONE).bind(a);
                if (v[0] != PyNone.NONE) {
                    throw new Unsupported("'" + name + ".step(closure)'");
                }
                stepCount++;
                groups.forEach(Optimizer::applyGroup);
                groups.forEach(g -> g.engine().step());
                return PyNone.NONE;
            });
            case "param_groups" -> new ArrayList<Object>(groups());
            case "state_dict" -> new Builtin("state_dict", a -> {
                a.accept(0);
                return OptimizerStateDict.pack(groups);
            });
            case "load_state_dict" -> new Builtin("load_state_dict", a -> {
                Object[] v = Signature.of("Optimizer.load_state_dict", "state_dict", Signature.REQUIRED).bind(a);
                OptimizerStateDict.load(v[0], groups);
                return PyNone.NONE;
            });
            case "add_param_group" -> new Builtin("add_param_group", a -> {
                Object[] v = Signature.of("Optimizer.add_param_group", "param_group", Signature.REQUIRED).bind(a);
                addParamGroup(v[0]);
                return PyNone.NONE;
            });
            case "state" -> OptimizerStateDict.byParameter(groups);
            case "defaults" -> {
                if (defaults == null) {
                    throw new Unsupported("'Optimizer.defaults' of an optimiser whose lr is given only in its groups");
                }
                yield defaults;
            }
            default -> null;
        };
    }

    /**
     * torch's {@code add_param_group(param_group)}: the program's dict becomes the group, its params made a list and
     * checked, the settings it lacks set to the optimiser's defaults (in their order); its parameters must be new.
     */
    private void addParamGroup(Object given) {
        if (!(given instanceof PyDict group)) {
            throw new PyError("AssertionError", "param group must be a dict");
        }
        Object params = group.item("params");
        if (params instanceof PySet) {
            throw PyError.type("optimizer parameters need to be organized in ordered collections, but the ordering "
                    + "of tensors in sets will change between runs. Please use a list instead.");
        }
        List<Object> list = new ArrayList<>(params instanceof Tensor ? List.of(params) : Iteration.items(params));
        group.put("params", list);
        for (Object p : list) {
            if (!(p instanceof Tensor t)) {
                throw PyError.type("optimizer can only optimize Tensors, but one of the params is "
                        + NnModule.typename(p));
            }
            if (!t.isLeaf()) {
                throw PyError.value("can't optimize a non-leaf Tensor");
            }
        }
        if (groupMaker == null) {
            throw new Unsupported("'Optimizer.add_param_group' of an optimiser made of one tensor");
        }
        Group made = groupMaker.make(group).groups.get(0);
        made.settings().forEach((key, value) -> {
            if (!group.containsKey(key)) {
                group.put(key, value);
            }
        });
        List<Tensor> existing = params();
        for (Object p : list) {
            if (existing.stream().anyMatch(e -> e == p)) {
                throw PyError.value("some parameters appear in more than one parameter group");
            }
        }
        groups.add(new Group(made.engine(), made.settings(), group, made.adjusters()));
    }

    /** The group dict's lr for the next step; any other setting the program changed there is refused. */
    private static void applyGroup(Group g) {
        for (Map.Entry<String, Object> e : g.settings().entrySet()) {
            if (!g.dict().containsKey(e.getKey())) {
                // NOTE: torch's step reads each setting from the group (one loaded from another optimiser's lacks some)
                throw PyDict.keyError(e.getKey());
            }
            Object now = g.dict().get(e.getKey());
            if (e.getKey().equals("lr")) {
                g.engine().setLr(Values.toDouble(now, "lr"));
            } else if (g.adjusters().containsKey(e.getKey())) {
                g.adjusters().get(e.getKey()).accept(now);
            } else if (!Objects.equals(now, e.getValue())) {
                throw new Unsupported("changing '" + e.getKey() + "' in param_groups");
            }
        }
        List<Object> params = Iteration.items(g.dict().get("params"));
        List<Tensor> own = g.engine().params();
        if (params.size() != own.size() || !params.containsAll(own)) {
            throw new Unsupported("changing 'params' in param_groups");
        }
    }

    /** Resets the step count, as a scheduler's {@code _initial_step} does. */
    void resetStepCount() {
        stepCount = 0;
    }

    long stepCount() {
        return stepCount;
    }

    /** Whether torch's {@code optimizer.defaults} has the setting {@code key} ('momentum' in SGD's). */
    boolean hasSetting(String key) {
        return groups.get(0).settings().containsKey(key);
    }

    /** The parameter groups' dicts, {@code param_groups}, as the program sees them. */
    List<PyDict> groups() {
        return groups.stream().map(Group::dict).toList();
    }

    @Override
    public String typeName() {
        return name;
    }

    /** torch's {@code Optimizer.__repr__}: each group's settings sorted by name, as they are now. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append('\n');
            Map<String, Object> sorted = new TreeMap<>();
            PyDict group = groups.get(i).dict();
            for (Object key : group.keys()) {
                if (!"params".equals(key)) {
                    sorted.put((String) key, group.get(key));
                }
            }
            sorted.forEach((k, v) -> sb.append("    ").append(k).append(": ").append(Values.str(v)).append('\n'));
        }
        return sb.append(')').toString();
    }
}
