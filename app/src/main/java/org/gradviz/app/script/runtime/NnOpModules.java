package org.gradviz.app.script.runtime;

import static org.gradviz.app.script.runtime.NnModule.method;
import static org.gradviz.app.script.runtime.NnModule.nnClass;
import static org.gradviz.app.script.runtime.NnModule.self;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpSignature;
import org.gradviz.app.document.OpSpelling;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.ops.Activations;

/**
 * The {@code torch.nn} modules of the op table's module spellings that hold no parameters ({@code nn.ReLU},
 * {@code nn.Softmax(dim)}, {@code nn.MSELoss()}): made with torch's {@code __init__} parameters as the spelling
 * declares them, keeping the row's keyword attributes, and run as their functional form with those.
 * Torch's other parameters are accepted at their defaults only (any other value is refused), but for
 * {@code nn.ReLU(inplace=True)}, which runs relu_.
 */
final class NnOpModules {
    private static final Object REQUIRED = Signature.REQUIRED;

    private NnOpModules() {
    }

    /** The class of {@code op}. */
    static PyClass of(TableOps.Module op) {
        OpKind kind = op.kind();
        OpSpelling.Module spelling = op.spelling();
        String name = spelling.className();
        PyClass c = nnClass(name, kind.isLoss() ? "loss" : "activation", NnModule.MODULE);
        Signature init = signature(name + ".__init__", List.of(new OpSignature.Parameter("self", null, false)),
                spelling.init());
        method(c, "__init__", a -> {
            Object[] v = init.bind(a);
            PyInstance self = self(a);
            NnLayers.initModule(self);
            for (int i = 1; i < v.length; i++) {
                keep(self, name, kind, init.names().get(i), v[i], init.defaults().get(i));
            }
            return PyNone.NONE;
        });
        List<OpSignature.Parameter> inputs = kind.ports().stream().map(p -> new OpSignature.Parameter(p, null, false))
                .toList();
        Signature forward = signature(name + ".forward", List.of(new OpSignature.Parameter("self", null, false)),
                new OpSignature(inputs));
        // NOTE: torch's C++ functions name themselves (relu(): ...); gradviz names a loss by its class
        String who = kind.isLoss() ? name : spelling.torchName();
        method(c, "forward", a -> {
            Object[] v = forward.bind(a);
            List<Object> args = new ArrayList<>();
            for (int i = 1; i < v.length; i++) {
                if (!(v[i] instanceof Tensor)) {
                    throw PyError.type(who + "(): argument '" + kind.ports().get(i - 1) + "' (position " + i
                            + ") must be Tensor, not " + Values.typeName(v[i]));
                }
                args.add(v[i]);
            }
            if (kind == OpKind.RELU && Values.truthy(self(a).attribute("inplace"))) {
                return Activations.reluInPlace((Tensor) args.get(0));
            }
            return TableOps.functional().get(spelling.torchName())
                    .call(new Args(spelling.torchName(), args, keywords(self(a), name, kind, init)));
        });
        if (!kind.isLoss() && init.names().size() > 1) {
            method(c, "extra_repr", a -> extraRepr(self(a), init));
        }
        return c;
    }

    /**
     * Keeps {@code param} of {@code __init__} on the module, or refuses a value other than torch's default for one
     * that is not the row's attribute ({@code inplace=True}, {@code weight=...}); {@code size_average} and
     * {@code reduce}, deprecated in torch, are not kept.
     */
    private static void keep(PyInstance self, String name, OpKind kind, String param, Object value, Object fallback) {
        if (isAttribute(kind, param)) {
            self.setOwn(param, value);
            return;
        }
        if (!sameDefault(value, fallback) && !(param.equals("inplace") && kind == OpKind.RELU)) {
            String given = fallback instanceof Boolean ? (Values.truthy(value) ? "True" : "False") : "...";
            throw new Unsupported("'nn." + name + "(" + param + "=" + given + ")'");
        }
        if (!param.equals("size_average") && !param.equals("reduce")) {
            self.setOwn(param, value);
        }
    }

    /** Whether {@code value} is {@code fallback}, a number by value ({@code 1} is {@code 1.0}), a flag by truth. */
    private static boolean sameDefault(Object value, Object fallback) {
        if (fallback instanceof Boolean b) {
            return Values.truthy(value) == b;
        }
        if (Values.isNumber(fallback) && Values.isNumber(value)) {
            return Values.toDouble(value, "") == Values.toDouble(fallback, "");
        }
        return value == fallback || value != null && value.equals(fallback);
    }

    private static boolean isAttribute(OpKind kind, String param) {
        return kind.spec().attributes().stream().anyMatch(x -> x.isKeyword() && x.key().equals(param));
    }

    /** The keyword attributes the module was made with, for its functional form. */
    private static Map<String, Object> keywords(PyInstance self, String name, OpKind kind, Signature init) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (OpAttribute x : kind.spec().attributes()) {
            if (x.isKeyword() && init.names().contains(x.key())) {
                Object value = self.attribute(x.key());
                if (x == OpAttribute.REDUCTION) {
                    NnLayers.reduction(value);
                }
                if (value != PyNone.NONE) {
                    keywords.put(x.key(), value);
                }
            }
        }
        List<OpAttribute> needs = kind.spec().needsOneOf();
        if (!needs.isEmpty() && !kind.spec().implicitDim() && needs.stream().noneMatch(x -> keywords.containsKey(x.key()))) {
            throw new Unsupported("'nn." + name + "()' without " + needs.stream().map(OpAttribute::key)
                    .collect(Collectors.joining(" or ")));
        }
        return keywords;
    }

    /** {@code dim=1}, {@code inplace=True}: what torch's extra_repr of these modules shows. */
    private static String extraRepr(PyInstance self, Signature init) {
        List<String> parts = new ArrayList<>();
        for (String param : init.names().subList(1, init.names().size())) {
            Object value = self.attribute(param);
            if (!param.equals("inplace")) {
                parts.add(param + "=" + Values.str(value));
            } else if (Values.truthy(value)) {
                parts.add("inplace=True");
            }
        }
        return String.join(", ", parts);
    }

    /** A {@link Signature} of {@code first} then {@code rest}, with the defaults as Python values. */
    static Signature signature(String qualName, List<OpSignature.Parameter> first, OpSignature rest) {
        List<OpSignature.Parameter> all = new ArrayList<>(first);
        all.addAll(rest.parameters());
        List<Object> spec = new ArrayList<>();
        int positional = 0;
        for (OpSignature.Parameter p : all) {
            spec.add(p.name());
            spec.add(p.optional() ? literal(p.defaultValue()) : REQUIRED);
            positional += p.keywordOnly() ? 0 : 1;
        }
        return Signature.keywordOnlyAfter(qualName, positional, spec.toArray());
    }

    /** A default as the table writes it: {@code None}, {@code True}, {@code 'mean'}, {@code -100}, {@code 0.0}. */
    private static Object literal(String text) {
        return switch (text) {
            case "None" -> PyNone.NONE;
            case "True" -> true;
            case "False" -> false;
            default -> text.startsWith("'") ? text.substring(1, text.length() - 1)
                    : text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        };
    }
}
