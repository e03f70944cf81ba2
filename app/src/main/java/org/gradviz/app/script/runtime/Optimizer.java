package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gradviz.engine.Tensor;

/**
 * A {@code torch.optim} optimiser as a program sees it: {@code zero_grad()}, {@code step()}, torch's repr and its one
 * parameter group, {@code param_groups[0]}, a dict of the parameters and the settings. Assigning the group's
 * {@code "lr"} changes the rate the next step uses (a schedule written by hand); changing another setting there is
 * refused at the step rather than ignored.
 */
public final class Optimizer implements HasAttributes {
    private final String name;
    private final org.gradviz.engine.optim.Optimizer engine;
    private final Map<String, Object> settings;
    private final PyDict group = new PyDict();

    /**
     * @param name the class name, {@code SGD}
     * @param engine the optimiser that does the updates
     * @param settings the parameter group's settings as the program gave them (or torch's defaults), in torch's order
     */
    public Optimizer(String name, org.gradviz.engine.optim.Optimizer engine, Map<String, Object> settings) {
        this.name = name;
        this.engine = engine;
        this.settings = settings;
        group.put("params", new ArrayList<Object>(engine.params()));
        settings.forEach(group::put);
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "zero_grad" -> new Builtin("zero_grad", a -> {
                Object[] v = Signature.of("Optimizer.zero_grad", "set_to_none", false).bind(a);
                engine.zeroGrad(Values.truthy(v[0]));
                return PyNone.NONE;
            });
            case "step" -> new Builtin("step", a -> {
                Object[] v = Signature.of(name + ".step", "closure", PyNone.NONE).bind(a);
                if (v[0] != PyNone.NONE) {
                    throw new Unsupported("'" + name + ".step(closure)'");
                }
                applyGroup();
                engine.step();
                return PyNone.NONE;
            });
            case "param_groups" -> new ArrayList<Object>(List.of(group));
            case "state", "state_dict", "load_state_dict", "add_param_group", "defaults" ->
                throw new Unsupported("'Optimizer." + attribute + "'");
            default -> null;
        };
    }

    /** The group dict's lr for the next step; any other setting the program changed there is refused. */
    private void applyGroup() {
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object now = group.get(e.getKey());
            if (e.getKey().equals("lr")) {
                engine.setLr(Values.toDouble(now, "lr"));
            } else if (!Objects.equals(now, e.getValue())) {
                throw new Unsupported("changing '" + e.getKey() + "' in param_groups");
            }
        }
        List<Object> params = Iteration.items(group.get("params"));
        List<Tensor> own = engine.params();
        if (params.size() != own.size() || !params.containsAll(own)) {
            throw new Unsupported("changing 'params' in param_groups");
        }
    }

    /** The parameter group, {@code param_groups[0]}, as the program sees it. */
    PyDict group() {
        return group;
    }

    @Override
    public String typeName() {
        return name;
    }

    /** torch's {@code Optimizer.__repr__}: the group's settings sorted by name, as they are now. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (\nParameter Group 0\n");
        Map<String, Object> sorted = new TreeMap<>();
        for (Object key : group.keys()) {
            if (!"params".equals(key)) {
                sorted.put((String) key, group.get(key));
            }
        }
        sorted.forEach((k, v) -> sb.append("    ").append(k).append(": ").append(Values.str(v)).append('\n'));
        return sb.append(')').toString();
    }
}
