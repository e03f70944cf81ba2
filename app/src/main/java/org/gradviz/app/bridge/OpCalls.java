package org.gradviz.app.bridge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpSignature;
import org.gradviz.app.document.OpSpec;
import org.gradviz.app.document.OpSpelling;
import org.gradviz.app.script.runtime.Args;
import org.gradviz.app.script.runtime.ObservedCall;
import org.gradviz.app.script.runtime.PyNone;
import org.gradviz.app.script.runtime.Values;
import org.gradviz.engine.Tensor;

/**
 * A torch call the cell made, as the document node of the op whose {@link OpKind} row spells it: its tensors go to
 * the ports in order (a Python number to the attribute standing in for its port), its keyword arguments to the
 * attributes. The call already ran, so its arguments are known to be valid; this only reads them.
 */
final class OpCalls {

    private record Spelled(OpKind kind, OpSpelling spelling) {
    }

    /** Every spelling by the name the runner reports it under, indexed once. */
    private static final Map<String, Spelled> BY_NAME = index();

    private OpCalls() {
    }

    private static Map<String, Spelled> index() {
        Map<String, Spelled> byName = new LinkedHashMap<>();
        for (OpKind kind : OpKind.values()) {
            for (OpSpelling spelling : kind.spec().spellings()) {
                Spelled before = byName.putIfAbsent(spelling.torchName(), new Spelled(kind, spelling));
                if (before != null && before.kind() != kind) {
                    throw new IllegalStateException(spelling.torchName() + " spells both " + before.kind().id()
                            + " and " + kind.id());
                }
            }
        }
        return byName;
    }

    /** Whether the runner's name {@code function} is an op a document holds. */
    static boolean isOp(String function) {
        return BY_NAME.containsKey(function);
    }

    /** Every spelling of every op, in table order: {@code +, -, ..., torch.sigmoid, nn.Sigmoid, ...}. */
    static String spellings() {
        return java.util.Arrays.stream(OpKind.values()).flatMap(k -> k.spec().spellings().stream())
                .map(OpSpelling::shown).collect(Collectors.joining(", "));
    }

    /** The node {@code call} (an op, see {@link #isOp}) is, or a refusal that says what to write instead. */
    static TracedTensor translate(ObservedCall call, Tensor result) {
        Spelled spelled = BY_NAME.get(call.function());
        OpSpec spec = spelled.kind().spec();
        Args a = call.arguments();
        if (spec.alphaRun() != null && (a.size() == 3 || a.keywords().containsKey("alpha")
                && !(Values.isInteger(a.keywords().get("alpha")) && Values.toLong(a.keywords().get("alpha")) == 1))) {
            return CallTranslator.unsupported(call, result, "a node of " + call.function() + " has no alpha; "
                    + "write the product out: a + alpha * b");
        }
        List<String> names = spelled.spelling().argumentNames().isEmpty() ? spec.ports()
                : spelled.spelling().argumentNames();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(a.get(i, names.get(i), PyNone.NONE));
        }
        if (!(values.get(0) instanceof Tensor) && spec.numberFirst() != null) {
            if (!spec.numberFirst().swaps()) {
                return CallTranslator.unsupported(call, result, spec.numberFirst().refusal());
            }
            // NOTE: PyTorch runs `3 * x` as x.__rmul__(3), i.e. x * 3: the same node with the tensor as input
            Collections.swap(values, 0, 1);
        }
        Map<OpAttribute, Object> attributes = new EnumMap<>(OpAttribute.class);
        Map<String, Object> ports = new LinkedHashMap<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            String port = spec.ports().get(i);
            OpAttribute standIn = standIn(spec, port);
            if (standIn != null && !(values.get(i) instanceof Tensor)) {
                attributes.put(standIn, Values.toDouble(values.get(i), "number"));
            } else {
                ports.put(port, values.get(i));
            }
        }
        String unheld = unheldArgument(spec, spelled.spelling(), a);
        if (unheld != null) {
            return CallTranslator.unsupported(call, result, "a node of " + call.function() + " has no " + unheld
                    + "; leave it at its default, or compute without it");
        }
        int position = spec.ports().size();
        for (OpAttribute attribute : spec.attributes()) {
            if (attribute.isKeyword()) {
                Object value = keyword(a, attribute.isKeywordOnly() ? -1 : position++, attribute);
                if (attribute == OpAttribute.DIM && value instanceof List<?> dims) {
                    return CallTranslator.unsupported(call, result, "a node's dim is one dimension, and this "
                            + call.function() + " reduces " + (dims.isEmpty() ? "all of them (dim=())" : dims.size()
                            + " at once") + "; reduce one dim at a time, e.g. x.sum(2).sum(0) for dim=(0, 2)");
                }
                if (value != null) {
                    attributes.put(attribute, value);
                }
            }
        }
        return node(call, result, OpAttribute.node(null, spelled.kind(), attributes), ports);
    }

    /**
     * The first argument of the call that its node cannot hold, as {@code name=value}, or null: a parameter of the
     * spelling that is neither a port nor an attribute, given other than at its default
     * ({@code F.nll_loss(x, t, ignore_index=0)}, {@code nn.Embedding(5, 3, padding_idx=0)}), or a tensor given by a
     * keyword the node has no port for ({@code pos_weight=w}).
     */
    private static String unheldArgument(OpSpec spec, OpSpelling spelling, Args a) {
        // NOTE: a module's spelling declares its __init__; its call reports the functional form's arguments
        List<OpSignature.Parameter> parameters = spelling instanceof OpSpelling.Module ? List.of()
                : spec.signatureOf(spelling).parameters();
        java.util.Set<String> held = new java.util.HashSet<>(spec.ports());
        spec.attributes().forEach(x -> held.add(x.key()));
        held.add("dtype"); // NOTE: the runner refuses a dtype= of a row itself
        for (int i = spec.ports().size(); i < parameters.size(); i++) {
            OpSignature.Parameter p = parameters.get(i);
            int index = p.keywordOnly() ? -1 : i;
            if (held.contains(p.name()) || !p.optional() || !a.has(index, p.name())) {
                continue;
            }
            Object given = a.get(index, p.name());
            if (!atDefault(given, p.defaultValue())) {
                return p.name() + "=" + Values.repr(given);
            }
        }
        for (Map.Entry<String, Object> k : a.keywords().entrySet()) {
            if (!held.contains(k.getKey()) && k.getValue() instanceof Tensor) {
                return k.getKey() + "=<a tensor>";
            }
        }
        return null;
    }

    /** Whether {@code given} is the default written {@code text} ({@code None}, {@code -100}, {@code 2.0}, {@code False}). */
    private static boolean atDefault(Object given, String text) {
        return switch (text) {
            case "None" -> given == PyNone.NONE;
            case "True", "False" -> Values.isNumber(given) && Values.truthy(given) == text.equals("True");
            default -> text.startsWith("'") ? text.substring(1, text.length() - 1).equals(given)
                    : Values.isNumber(given) && !(given instanceof Boolean)
                    && Values.toDouble(given, "") == Double.parseDouble(text);
        };
    }

    /** The attribute of {@code spec} that a number in {@code port} goes to, or null. */
    private static OpAttribute standIn(OpSpec spec, String port) {
        return spec.attributes().stream().filter(a -> port.equals(a.standsInFor())).findFirst().orElse(null);
    }

    /** A keyword attribute as torch takes it, at {@code index} or by its name; null when the call left it out. */
    private static Object keyword(Args a, int index, OpAttribute attribute) {
        String name = attribute.key();
        return switch (attribute) {
            case MIN, MAX -> a.optionalNumber(index, name);
            case DIM -> {
                Object dim = a.get(index, name, PyNone.NONE);
                List<?> dims = Values.items(dim);
                if (dims != null && dims.size() != 1) {
                    yield dims;
                }
                if (dims != null) {
                    dim = dims.get(0);
                }
                yield dim == PyNone.NONE ? null : (int) Values.toLong(dim);
            }
            case KEEPDIM -> a.has(index, name) ? a.bool(index, name, false) : null;
            case START_DIM, END_DIM -> a.has(index, name) ? (int) Values.toLong(a.get(index, name)) : null;
            case SHAPE -> sizes(a, index);
            case REDUCTION -> a.has(index, name) ? a.string(index, name, "mean") : null;
            case EXPONENT, SCALAR -> null;
        };
    }

    /**
     * A view's or reshape's sizes as the call gave them: one tuple or list ({@code x.view((1, -1))},
     * {@code torch.reshape(x, (2, 3))}, {@code size=}/{@code shape=}) or ints spread out ({@code x.view(1, -1)}).
     */
    private static List<Long> sizes(Args a, int index) {
        List<Object> given = a.positional();
        List<?> items;
        if (given.size() > index + 1) {
            items = given.subList(index, given.size());
        } else if (given.size() == index + 1) {
            Object v = given.get(index);
            items = Values.items(v) != null ? Values.items(v) : List.of(v);
        } else {
            Object v = a.keywords().containsKey("size") ? a.keywords().get("size") : a.keywords().get("shape");
            items = v == null ? null : Values.items(v) != null ? Values.items(v) : List.of(v);
        }
        return items == null ? null : items.stream().map(Values::toLong).toList();
    }

    private static TracedTensor node(ObservedCall call, Tensor result, org.gradviz.app.document.OpNode node,
                                     Map<String, Object> ports) {
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> port : ports.entrySet()) {
            if (port.getValue() instanceof Tensor t) {
                inputs.put(port.getKey(), t);
            } else if (port.getValue() != PyNone.NONE) {
                return CallTranslator.unsupported(call, result, "its " + port.getKey() + " is a "
                        + Values.typeName(port.getValue()) + ", and a graph document connects only tensors there");
            }
        }
        return new TracedTensor.Op(result, call.line(), call.function(), node, inputs);
    }
}
