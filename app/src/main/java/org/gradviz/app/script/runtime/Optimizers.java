package org.gradviz.app.script.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.optim.Adagrad;
import org.gradviz.engine.optim.Adadelta;
import org.gradviz.engine.optim.Adam;
import org.gradviz.engine.optim.AdamFamily;
import org.gradviz.engine.optim.Adamax;
import org.gradviz.engine.optim.NAdam;
import org.gradviz.engine.optim.RAdam;
import org.gradviz.engine.optim.RMSprop;
import org.gradviz.engine.optim.Rprop;
import org.gradviz.engine.optim.SGD;

/**
 * {@code torch.optim.SGD}, {@code Adam}, {@code AdamW}, {@code RMSprop}, {@code Adadelta}, {@code Adagrad},
 * {@code Adamax}, {@code NAdam}, {@code RAdam} and {@code Rprop}: torch 1.13's signatures and checks, in its order.
 */
final class Optimizers {
    private static final Object REQUIRED = Signature.REQUIRED;
    /** torch's {@code required} placeholder for SGD's lr. */
    private static final Object LR_REQUIRED = new Object();

    private Optimizers() {
    }

    static Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("SGD", new Builtin("SGD", a -> grouped(a, Optimizers::sgd)));
        m.put("Adam", new Builtin("Adam", a -> grouped(a, Optimizers::adam)));
        m.put("AdamW", new Builtin("AdamW", a -> grouped(a, Optimizers::adamW)));
        m.put("RMSprop", new Builtin("RMSprop", a -> grouped(a, Optimizers::rmsprop)));
        m.put("Adadelta", new Builtin("Adadelta", a -> grouped(a, Optimizers::adadelta)));
        m.put("Adagrad", new Builtin("Adagrad", a -> grouped(a, Optimizers::adagrad)));
        m.put("Adamax", new Builtin("Adamax", a -> grouped(a, Optimizers::adamax)));
        m.put("NAdam", new Builtin("NAdam", a -> grouped(a, Optimizers::nadam)));
        m.put("RAdam", new Builtin("RAdam", a -> grouped(a, Optimizers::radam)));
        m.put("Rprop", new Builtin("Rprop", a -> grouped(a, Optimizers::rprop)));
        return m;
    }

    /**
     * An optimiser given a list of parameter groups (dicts with "params" and settings that override the
     * constructor's): one made per group, as if constructed with that group's parameters and settings, in order;
     * without dicts, the optimiser of the parameters (a generator of them read once). Either way it can make more
     * groups the same way ({@code add_param_group}).
     */
    private static Object grouped(Args given, java.util.function.Function<Args, Object> make) {
        boolean positional = !given.positional().isEmpty();
        Object params = positional ? given.positional().get(0) : given.keywords().get("params");
        if (params == null || params instanceof Tensor) {
            return make.apply(given);
        }
        Optimizer.GroupMaker maker = group -> part(given, positional, make, group).optimizer();
        List<Object> items = Iteration.items(params);
        if (items.isEmpty() || !(items.get(0) instanceof PyDict)) {
            Optimizer o = (Optimizer) make.apply(withParams(given, positional, new ArrayList<>(items), Map.of()));
            return o.withGroupMaker(maker);
        }
        List<Optimizer> parts = new ArrayList<>();
        List<List<String>> keyOrders = new ArrayList<>();
        Set<Tensor> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Object item : items) {
            if (!(item instanceof PyDict group)) {
                throw new PyError("AssertionError", "param group must be a dict");
            }
            Part part = part(given, positional, make, group);
            for (Tensor p : part.optimizer().params()) {
                if (!seen.add(p)) {
                    throw PyError.value("some parameters appear in more than one parameter group");
                }
            }
            parts.add(part.optimizer());
            keyOrders.add(part.order());
        }
        return Optimizer.ofGroups(parts, keyOrders, constructed(given, positional, make, parts.get(0).params()))
                .withGroupMaker(maker);
    }

    /**
     * The optimiser of the constructor's own settings (of the first group's parameters), whose settings are torch's
     * {@code defaults}; null when the constructor lacks a required one (SGD's lr given in every group instead).
     */
    private static Optimizer constructed(Args given, boolean positional,
            java.util.function.Function<Args, Object> make, List<Tensor> params) {
        boolean lrGiven = given.size() > 1 || given.keywords().containsKey("lr");
        if (!lrGiven && given.function().equals("SGD")) {
            return null;
        }
        return (Optimizer) make.apply(withParams(given, positional, new ArrayList<>(params), Map.of()));
    }

    /** One parameter group's optimiser, and the setting keys its dict gave, in its order. */
    private record Part(Optimizer optimizer, List<String> order) {
    }

    /** The optimiser of one parameter group dict: the constructor's arguments with its params and settings. */
    private static Part part(Args given, boolean positional, java.util.function.Function<Args, Object> make,
            PyDict group) {
        if (!group.containsKey("params")) {
            throw PyError.raised(ExceptionTypes.instance(ExceptionTypes.KEY_ERROR, List.of("params")));
        }
        Object groupParams = group.get("params");
        List<Object> own = groupParams instanceof Tensor ? List.of(groupParams) : Iteration.items(groupParams);
        // NOTE: made first with only the group's lr (SGD's required setting) to learn which keys are settings
        Map<String, Object> lr = group.containsKey("lr") ? Map.of("lr", group.get("lr")) : Map.of();
        Optimizer plain = (Optimizer) make.apply(withParams(given, positional, new ArrayList<>(own), lr));
        List<Object> settings = plain.groups().get(0).keys();
        Map<String, Object> overrides = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (Object key : group.keys()) {
            if (!(key instanceof String name) || name.equals("params")) {
                continue;
            }
            order.add(name);
            if (!settings.contains(name)) {
                throw new Unsupported("a parameter group key '" + name + "' that is not a setting of "
                        + plain.typeName());
            }
            overrides.put(name, group.get(key));
        }
        Optimizer part = (Optimizer) make.apply(withParams(given, positional, new ArrayList<>(own), overrides));
        return new Part(part, order);
    }

    /**
     * The constructor's arguments with params replaced and some settings replaced: lr where the program passed it by
     * position (second, in every optimiser), the rest by keyword.
     */
    private static Args withParams(Args given, boolean positional, List<Object> params, Map<String, Object> settings) {
        List<Object> args = new ArrayList<>(given.positional());
        Map<String, Object> keywords = new LinkedHashMap<>(given.keywords());
        if (positional) {
            args.set(0, params);
        } else {
            keywords.put("params", params);
        }
        settings.forEach((key, value) -> {
            if (key.equals("lr") && args.size() > 1) {
                args.set(1, value);
            } else if (args.size() > 2) {
                throw new Unsupported("a parameter group's '" + key + "' with settings after lr given by position");
            } else {
                keywords.put(key, value);
            }
        });
        return new Args(given.function(), args, keywords);
    }

    private static Object sgd(Args given) {
        Signature s = Signature.keywordOnlyAfter("SGD.__init__", 7, "self", REQUIRED, "params", REQUIRED,
                "lr", LR_REQUIRED, "momentum", 0L, "dampening", 0L, "weight_decay", 0L, "nesterov", false,
                "maximize", false, "foreach", PyNone.NONE, "differentiable", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        Object lr = v[2];
        if (lr != LR_REQUIRED && below(lr) < 0) {
            throw PyError.value("Invalid learning rate: " + Values.str(lr));
        }
        if (below(v[3]) < 0) {
            throw PyError.value("Invalid momentum value: " + Values.str(v[3]));
        }
        if (below(v[5]) < 0) {
            throw PyError.value("Invalid weight_decay value: " + Values.str(v[5]));
        }
        boolean nesterov = Values.truthy(v[6]);
        if (nesterov && (number(v[3]) <= 0 || number(v[4]) != 0)) {
            throw PyError.value("Nesterov momentum requires a momentum and zero dampening");
        }
        refuseTrue("SGD", "foreach", v[8]);
        refuseTrue("SGD", "differentiable", v[9]);
        List<Tensor> params = params(v[1]);
        if (lr == LR_REQUIRED) {
            throw PyError.value("parameter group didn't specify a value of required optimization parameter lr");
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", lr);
        group.put("momentum", v[3]);
        group.put("dampening", v[4]);
        group.put("weight_decay", v[5]);
        group.put("nesterov", v[6]);
        group.put("maximize", v[7]);
        group.put("foreach", v[8]);
        group.put("differentiable", v[9]);
        SGD sgd = new SGD(params, number(lr), number(v[3]), number(v[4]), number(v[5]), nesterov,
                Values.truthy(v[7]));
        return new Optimizer("SGD", sgd, group, Map.of("momentum", m -> sgd.setMomentum(number(m))));
    }

    private static Object adam(Args given) {
        Signature s = Signature.keywordOnlyAfter("Adam.__init__", 7, "self", REQUIRED, "params", REQUIRED,
                "lr", 0.001, "betas", new PyTuple(List.of(0.9, 0.999)), "eps", 1e-08, "weight_decay", 0L,
                "amsgrad", false, "foreach", PyNone.NONE, "maximize", false, "capturable", false,
                "differentiable", false, "fused", false);
        return adamFamily("Adam", s, given, 8, new int[] {7, 9, 10, 11});
    }

    private static Object adamW(Args given) {
        Signature s = Signature.keywordOnlyAfter("AdamW.__init__", 7, "self", REQUIRED, "params", REQUIRED,
                "lr", 0.001, "betas", new PyTuple(List.of(0.9, 0.999)), "eps", 1e-08, "weight_decay", 0.01,
                "amsgrad", false, "maximize", false, "foreach", PyNone.NONE, "capturable", false);
        return adamFamily("AdamW", s, given, 7, new int[] {8, 9});
    }

    /**
     * Adam or AdamW: torch's checks of lr, eps, betas and weight_decay in its order, then the options in
     * {@code refused} taken at their defaults only; the group holds every setting after params.
     */
    private static Object adamFamily(String name, Signature s, Args given, int maximize, int[] refused) {
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        double[] betas = adamChecks(name, v);
        for (int i : refused) {
            refuseTrue(name, s.names().get(i), v[i]);
        }
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, name.equals("Adam") ? List.of("lr", "betas", "eps", "weight_decay",
                "amsgrad", "maximize", "foreach", "capturable", "differentiable", "fused") : List.of("lr", "betas", "eps",
                "weight_decay", "amsgrad", "foreach", "maximize", "capturable"));
        boolean max = Values.truthy(v[maximize]);
        Adam adam = Adam.withAmsgrad(params, number(v[2]), betas[0], betas[1], number(v[4]), number(v[5]), max,
                name.equals("AdamW"), Values.truthy(v[6]));
        return new Optimizer(name, adam, group, betas(adam));
    }

    private static Object adamax(Args given) {
        Signature s = Signature.keywordOnlyAfter("Adamax.__init__", 7, "self", REQUIRED, "params", REQUIRED,
                "lr", 0.002, "betas", new PyTuple(List.of(0.9, 0.999)), "eps", 1e-08, "weight_decay", 0L,
                "foreach", PyNone.NONE, "maximize", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        double[] betas = adamChecks("Adamax", v);
        refuseTrue("Adamax", "foreach", v[6]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "betas", "eps", "weight_decay", "foreach",
                "maximize"));
        Adamax a = new Adamax(params, number(v[2]), betas[0], betas[1], number(v[4]), number(v[5]),
                Values.truthy(v[7]));
        return new Optimizer("Adamax", a, group, betas(a));
    }

    private static Object nadam(Args given) {
        Signature s = Signature.of("NAdam.__init__", "self", REQUIRED, "params", REQUIRED, "lr", 0.002,
                "betas", new PyTuple(List.of(0.9, 0.999)), "eps", 1e-08, "weight_decay", 0L, "momentum_decay", 4e-3,
                "foreach", PyNone.NONE);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        double[] betas = adamChecks("NAdam", v);
        if (!(atLeast(v[6]) >= 0)) {
            throw PyError.value("Invalid momentum_decay value: " + Values.str(v[6]));
        }
        refuseTrue("NAdam", "foreach", v[7]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "betas", "eps", "weight_decay", "momentum_decay",
                "foreach"));
        NAdam a = new NAdam(params, number(v[2]), betas[0], betas[1], number(v[4]), number(v[5]), number(v[6]));
        return new Optimizer("NAdam", a, group, betas(a));
    }

    private static Object radam(Args given) {
        Signature s = Signature.of("RAdam.__init__", "self", REQUIRED, "params", REQUIRED, "lr", 0.001,
                "betas", new PyTuple(List.of(0.9, 0.999)), "eps", 1e-08, "weight_decay", 0L, "foreach", PyNone.NONE);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        double[] betas = adamChecks("RAdam", v);
        refuseTrue("RAdam", "foreach", v[6]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "betas", "eps", "weight_decay", "foreach"));
        RAdam a = new RAdam(params, number(v[2]), betas[0], betas[1], number(v[4]), number(v[5]));
        return new Optimizer("RAdam", a, group, betas(a));
    }

    /**
     * The checks the Adam family makes of its bound values {@code v} (params, lr, betas, eps, weight_decay at 1 to 5)
     * in torch's order: lr, eps, each beta, weight_decay. The two betas.
     */
    private static double[] adamChecks(String name, Object[] v) {
        if (!(atLeast(v[2]) >= 0)) {
            throw PyError.value("Invalid learning rate: " + Values.str(v[2]));
        }
        if (!(atLeast(v[4]) >= 0)) {
            throw PyError.value("Invalid epsilon value: " + Values.str(v[4]));
        }
        List<?> betas = Values.items(v[3]);
        if (!(v[3] instanceof PyTuple || v[3] instanceof List<?>)) {
            throw new Unsupported("'" + name + "(betas=" + Values.typeName(v[3]) + ")'");
        }
        if (betas.size() > 2) {
            throw new Unsupported("'" + name + "(betas=...)' with more than two values");
        }
        for (int i = 0; i < 2; i++) {
            if (i >= betas.size()) {
                throw PyError.index(Values.typeName(v[3]) + " index out of range");
            }
            double b = atLeast(betas.get(i));
            if (!(b >= 0 && b < 1)) {
                throw PyError.value("Invalid beta parameter at index " + i + ": " + Values.str(betas.get(i)));
            }
        }
        if (!(atLeast(v[5]) >= 0)) {
            throw PyError.value("Invalid weight_decay value: " + Values.str(v[5]));
        }
        return new double[] {number(betas.get(0)), number(betas.get(1))};
    }

    private static Object rmsprop(Args given) {
        Signature s = Signature.keywordOnlyAfter("RMSprop.__init__", 8, "self", REQUIRED, "params", REQUIRED,
                "lr", 0.01, "alpha", 0.99, "eps", 1e-08, "weight_decay", 0L, "momentum", 0L, "centered", false,
                "foreach", PyNone.NONE, "maximize", false, "differentiable", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        String[] checked = {"learning rate", "epsilon value", "momentum value", "weight_decay value", "alpha value"};
        int[] at = {2, 4, 6, 5, 3};
        for (int i = 0; i < at.length; i++) {
            if (!(atLeast(v[at[i]]) >= 0)) {
                throw PyError.value("Invalid " + checked[i] + ": " + Values.str(v[at[i]]));
            }
        }
        refuseTrue("RMSprop", "foreach", v[8]);
        refuseTrue("RMSprop", "differentiable", v[10]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "momentum", "alpha", "eps", "centered",
                "weight_decay", "foreach", "maximize", "differentiable"));
        RMSprop r = new RMSprop(params, number(v[2]), number(v[3]), number(v[4]), number(v[5]), number(v[6]),
                Values.truthy(v[7]), Values.truthy(v[9]));
        return new Optimizer("RMSprop", r, group);
    }

    private static Object adadelta(Args given) {
        Signature s = Signature.keywordOnlyAfter("Adadelta.__init__", 7, "self", REQUIRED, "params", REQUIRED,
                "lr", 1.0, "rho", 0.9, "eps", 1e-06, "weight_decay", 0L, "foreach", PyNone.NONE, "maximize", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        if (!(atLeast(v[2]) >= 0)) {
            throw PyError.value("Invalid learning rate: " + Values.str(v[2]));
        }
        if (!(atLeast(v[3]) >= 0 && number(v[3]) <= 1.0)) {
            throw PyError.value("Invalid rho value: " + Values.str(v[3]));
        }
        if (!(atLeast(v[4]) >= 0)) {
            throw PyError.value("Invalid epsilon value: " + Values.str(v[4]));
        }
        if (!(atLeast(v[5]) >= 0)) {
            throw PyError.value("Invalid weight_decay value: " + Values.str(v[5]));
        }
        refuseTrue("Adadelta", "foreach", v[6]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "rho", "eps", "weight_decay", "maximize",
                "foreach"));
        Adadelta a = new Adadelta(params, number(v[2]), number(v[3]), number(v[4]), number(v[5]),
                Values.truthy(v[7]));
        return new Optimizer("Adadelta", a, group);
    }

    private static Object rprop(Args given) {
        Signature s = Signature.of("Rprop.__init__", "self", REQUIRED, "params", REQUIRED, "lr", 0.01,
                "etas", new PyTuple(List.of(0.5, 1.2)), "step_sizes", new PyTuple(List.of(1e-06, 50L)),
                "foreach", PyNone.NONE, "maximize", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        if (!(atLeast(v[2]) >= 0)) {
            throw PyError.value("Invalid learning rate: " + Values.str(v[2]));
        }
        List<?> etas = pair("Rprop", "etas", v[3]);
        double etaMinus = number(etas.get(0));
        double etaPlus = number(etas.get(1));
        if (!(0.0 < etaMinus && etaMinus < 1.0 && 1.0 < etaPlus)) {
            throw PyError.value("Invalid eta values: " + Values.str(etas.get(0)) + ", " + Values.str(etas.get(1)));
        }
        List<?> stepSizes = pair("Rprop", "step_sizes", v[4]);
        refuseTrue("Rprop", "foreach", v[5]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "etas", "step_sizes", "foreach", "maximize"));
        Rprop r = new Rprop(params, number(v[2]), etaMinus, etaPlus, number(stepSizes.get(0)),
                number(stepSizes.get(1)), Values.truthy(v[6]));
        return new Optimizer("Rprop", r, group);
    }

    /** A setting torch unpacks into two numbers ({@code etaminus, etaplus = etas}). */
    private static List<?> pair(String optimizer, String name, Object given) {
        List<?> items = Values.items(given);
        if (items == null || items.size() != 2) {
            throw new Unsupported("'" + optimizer + "(" + name + "=...)' that is not a pair");
        }
        return items;
    }

    private static Object adagrad(Args given) {
        Signature s = Signature.keywordOnlyAfter("Adagrad.__init__", 8, "self", REQUIRED, "params", REQUIRED,
                "lr", 0.01, "lr_decay", 0L, "weight_decay", 0L, "initial_accumulator_value", 0L, "eps", 1e-10,
                "foreach", PyNone.NONE, "maximize", false);
        Object[] v = s.bind(given.withSelf(PyNone.NONE));
        String[] checked = {"learning rate", "lr_decay value", "weight_decay value",
            "initial_accumulator_value value", "epsilon value"};
        for (int i = 0; i < checked.length; i++) {
            if (!(atLeast(v[i + 2]) >= 0)) {
                throw PyError.value("Invalid " + checked[i] + ": " + Values.str(v[i + 2]));
            }
        }
        refuseTrue("Adagrad", "foreach", v[7]);
        List<Tensor> params = params(v[1]);
        Map<String, Object> group = settings(s, v, List.of("lr", "lr_decay", "eps", "weight_decay",
                "initial_accumulator_value", "foreach", "maximize"));
        Adagrad a = new Adagrad(params, number(v[2]), number(v[3]), number(v[4]), number(v[5]), number(v[6]),
                Values.truthy(v[8]));
        return new Optimizer("Adagrad", a, group);
    }

    /** How a group's {@code betas} reach the engine at each step (OneCycleLR cycles the first). */
    private static Map<String, java.util.function.Consumer<Object>> betas(AdamFamily engine) {
        return Map.of("betas", b -> {
            List<?> pair = Values.items(b);
            engine.setBetas(number(pair.get(0)), number(pair.get(1)));
        });
    }

    /** The parameter group's settings, the bound values {@code v} of {@code s}, in the order of torch's defaults dict. */
    private static Map<String, Object> settings(Signature s, Object[] v, List<String> torchOrder) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (String key : torchOrder) {
            group.put(key, v[s.names().indexOf(key)]);
        }
        return group;
    }

    private static void refuseTrue(String optimizer, String option, Object value) {
        if (value != PyNone.NONE && Values.truthy(value)) {
            throw new Unsupported("'" + optimizer + "(" + option + "=True)'");
        }
    }

    private static double number(Object v) {
        return Values.toDouble(v, "optimizer argument");
    }

    /** A setting torch compares as {@code value < 0.0} (SGD): Python's TypeError when it is not a number. */
    private static double below(Object v) {
        if (!Values.isNumber(v)) {
            throw PyError.type("'<' not supported between instances of '" + Values.typeName(v) + "' and 'float'");
        }
        return number(v);
    }

    /** A setting torch compares as {@code 0.0 <= value} (Adam, RMSprop). */
    private static double atLeast(Object v) {
        if (!Values.isNumber(v)) {
            throw PyError.type("'<=' not supported between instances of 'float' and '" + Values.typeName(v) + "'");
        }
        return number(v);
    }

    /** The params argument as torch 1.13 checks it. */
    private static List<Tensor> params(Object given) {
        if (given instanceof Tensor t) {
            throw PyError.type("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                    + "but got " + NnModule.typename(t));
        }
        List<Object> items = Iteration.items(given);
        if (items.isEmpty()) {
            throw PyError.value("optimizer got an empty parameter list");
        }
        List<Tensor> params = new ArrayList<>();
        for (Object p : items) {
            if (!(p instanceof Tensor t)) {
                throw PyError.type("optimizer can only optimize Tensors, but one of the params is "
                        + NnModule.typename(p));
            }
            if (!t.isLeaf()) {
                throw PyError.value("can't optimize a non-leaf Tensor");
            }
            params.add(t);
        }
        return params;
    }
}
