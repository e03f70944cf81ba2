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
 * Assigning a group's {@code "lr"} changes the rate its next step uses (a schedule written by hand); changing another
 * setting there is refused at the step rather than ignored.
 */
public final class Optimizer implements HasAttributes {
    /**
     * One parameter group: the engine optimiser of its parameters, its settings as given, its dict, and how a
     * setting other than lr that may change between steps (SGD's momentum, the Adam family's betas) reaches the engine.
     */
    private record Group(org.gradviz.engine.optim.Optimizer engine, Map<String, Object> settings, PyDict dict,
            Map<String, Consumer<Object>> adjusters) {
    }

    private final String name;
    private final List<Group> groups;

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
        this.groups = List.of(new Group(engine, settings, group, adjusters));
    }

    private Optimizer(String name, List<Group> groups) {
        this.name = name;
        this.groups = groups;
    }

    /**
     * An optimiser of several parameter groups, one made for each; {@code keyOrders} gives each group dict's keys
     * in torch's order (the keys the program wrote, then the defaults it left out).
     */
    static Optimizer ofGroups(List<Optimizer> parts, List<List<String>> keyOrders) {
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
        return new Optimizer(parts.get(0).name, List.copyOf(groups));
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
                groups.forEach(Optimizer::applyGroup);
                groups.forEach(g -> g.engine().step());
                return PyNone.NONE;
            });
            case "param_groups" -> new ArrayList<Object>(groups());
            case "state", "state_dict", "load_state_dict", "add_param_group", "defaults" ->
                throw new Unsupported("'Optimizer." + attribute + "'");
            default -> null;
        };
    }

    /** The group dict's lr for the next step; any other setting the program changed there is refused. */
    private static void applyGroup(Group g) {
        for (Map.Entry<String, Object> e : g.settings().entrySet()) {
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
