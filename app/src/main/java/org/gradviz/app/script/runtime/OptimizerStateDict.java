package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Conversion;

/**
 * torch 1.13's {@code Optimizer.state_dict()} and {@code load_state_dict()} over an optimiser's parameter groups: the
 * engine optimisers keep each parameter's state as torch's named tensors, which are packed by parameter index and
 * loaded back by position.
 */
final class OptimizerStateDict {

    private OptimizerStateDict() {
    }

    /**
     * torch's {@code state_dict()}: {@code state}, each parameter's state (its live tensors) keyed by the parameter's
     * index counted across the groups, and {@code param_groups}, each group's settings with {@code params} last as
     * those indices.
     */
    static PyDict pack(List<Optimizer.Group> groups) {
        Map<Tensor, Long> index = new IdentityHashMap<>();
        List<Object> packedGroups = new ArrayList<>();
        long start = 0;
        for (Optimizer.Group g : groups) {
            PyDict packed = new PyDict();
            for (Object key : g.dict().keys()) {
                if (!"params".equals(key)) {
                    packed.put(key, g.dict().get(key));
                }
            }
            List<Tensor> params = g.engine().params();
            for (int i = 0; i < params.size(); i++) {
                index.putIfAbsent(params.get(i), start + i);
            }
            packed.put("params", new ArrayList<Object>(params.stream().map(index::get).toList()));
            start += params.size();
            packedGroups.add(packed);
        }
        PyDict byParameter = byParameter(groups);
        PyDict state = new PyDict();
        byParameter.keys().forEach(p -> state.put(index.get((Tensor) p), byParameter.get(p)));
        PyDict out = new PyDict();
        out.put("state", state);
        out.put("param_groups", packedGroups);
        return out;
    }

    /**
     * torch's {@code optimizer.state}: a {@code defaultdict(dict)} of each parameter's state entries (its live
     * tensors) keyed by the parameter, for the parameters that have one.
     *
     * <p>NOTE: torch's state is in the order parameters first got one; gradviz's groups step in order, so that is
     * group by group, parameter by parameter (unless a parameter gets its first gradient after a later one). The dict
     * is made anew from the engine's states: the tensors in it are the optimiser's own, but what a program stores in
     * it is not kept.
     */
    static PyDict byParameter(List<Optimizer.Group> groups) {
        PyDict state = PyDict.defaultDictOfDicts();
        for (Optimizer.Group g : groups) {
            for (Tensor p : g.engine().params()) {
                Map<String, Object> entries = g.engine().state(p);
                if (!entries.isEmpty()) {
                    PyDict d = new PyDict();
                    entries.forEach((k, v) -> d.put(k, v == null ? PyNone.NONE : v));
                    state.put(p, d);
                }
            }
        }
        return state;
    }

    /**
     * torch's {@code load_state_dict(state_dict)}: a deep copy of it checked against the groups, its states given to
     * the parameters they were saved for (by position), tensors other than {@code step} cast to the parameter's
     * dtype, and its group dicts taking the groups' places with their parameters.
     */
    static void load(Object given, List<Optimizer.Group> groups) {
        Object copied = CopyModule.deepcopy(given);
        if (!(copied instanceof PyDict saved)) {
            throw PyError.type("'" + Values.typeName(given) + "' object is not subscriptable");
        }
        List<?> savedGroups = Values.items(saved.item("param_groups"));
        if (savedGroups.size() != groups.size()) {
            throw PyError.value("loaded state dict has a different number of parameter groups");
        }
        PyDict idMap = new PyDict();
        for (int i = 0; i < groups.size(); i++) {
            List<?> savedParams = Values.items(asDict(savedGroups.get(i)).item("params"));
            List<Tensor> params = groups.get(i).engine().params();
            if (savedParams.size() != params.size()) {
                throw PyError.value("loaded state dict contains a parameter group that doesn't match the size of "
                        + "optimizer's group");
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            List<?> savedParams = Values.items(asDict(savedGroups.get(i)).item("params"));
            for (int j = 0; j < savedParams.size(); j++) {
                idMap.put(savedParams.get(j), groups.get(i).engine().params().get(j));
            }
        }
        PyDict savedState = asDict(saved.item("state"));
        Map<Tensor, Map<String, Object>> states = new IdentityHashMap<>();
        for (Object key : savedState.keys()) {
            if (!idMap.containsKey(key)) {
                throw new Unsupported("'Optimizer.load_state_dict' of a state keyed by " + Values.repr(key)
                        + ", which names no parameter");
            }
            Tensor p = (Tensor) idMap.get(key);
            Object value = savedState.get(key);
            if (!(value instanceof PyDict entries)) {
                throw new Unsupported("'Optimizer.load_state_dict' of a parameter state that is a "
                        + Values.typeName(value));
            }
            Map<String, Object> cast = new LinkedHashMap<>();
            for (Object name : entries.keys()) {
                Object v = entries.get(name);
                if (v instanceof Tensor t && !"step".equals(name) && p.dtype().isFloatingPoint()) {
                    v = Conversion.to(t, p.dtype());
                }
                cast.put(String.valueOf(name), v == PyNone.NONE ? null : v);
            }
            states.put(p, cast);
        }
        for (int i = 0; i < groups.size(); i++) {
            Optimizer.Group g = groups.get(i);
            g.engine().clearStates();
            for (Tensor p : g.engine().params()) {
                if (states.containsKey(p)) {
                    g.engine().loadState(p, states.get(p));
                }
            }
            PyDict loaded = asDict(savedGroups.get(i));
            loaded.put("params", g.dict().get("params"));
            groups.set(i, g.withDict(loaded));
        }
    }

    private static PyDict asDict(Object v) {
        if (v instanceof PyDict d) {
            return d;
        }
        throw new Unsupported("'Optimizer.load_state_dict' of a " + Values.typeName(v) + " where torch has a dict");
    }

}
