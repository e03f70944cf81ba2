package org.gradviz.app.script.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code torch.optim} optimiser as a program sees it: {@code zero_grad()}, {@code step()} and torch's repr.
 *
 * @param name the class name, {@code SGD}
 * @param engine the optimiser that does the updates
 * @param group the parameter group's settings as the program gave them (or torch's defaults), for the repr
 */
public record Optimizer(String name, org.gradviz.engine.optim.Optimizer engine, Map<String, Object> group)
        implements HasAttributes {

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
                engine.step();
                return PyNone.NONE;
            });
            case "param_groups", "state", "state_dict", "load_state_dict", "add_param_group", "defaults" ->
                throw new Unsupported("'Optimizer." + attribute + "'");
            default -> null;
        };
    }

    @Override
    public String typeName() {
        return name;
    }

    /** torch's {@code Optimizer.__repr__}: the group's settings sorted by name. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (\nParameter Group 0\n");
        new TreeMap<>(group).forEach((k, v) -> sb.append("    ").append(k).append(": ").append(Values.str(v))
                .append('\n'));
        return sb.append(')').toString();
    }
}
