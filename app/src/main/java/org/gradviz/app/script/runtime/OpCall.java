package org.gradviz.app.script.runtime;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpRun;
import org.gradviz.app.document.OpSignature;
import org.gradviz.app.document.OpSpec;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Warnings;

/**
 * A Python call of a document op under one of its names ({@code torch.sum}, {@code t.sum}, {@code F.softmax}): binds
 * the arguments by the spelling's {@link OpSignature} with Python's TypeErrors, makes the node its row runs (tensors
 * to the ports, the rest to the attributes), refuses what the row's limits say, and runs the row.
 *
 * What it reads of the row is looked up once, when it is made.
 */
final class OpCall implements PyCallable {
    private final OpKind kind;
    private final String name;
    private final OpSignature signature;
    private final boolean functional;
    private final OpRun run;
    private final String[] names;
    private final int positional;
    /** Per port, the attribute a Python number there stands in for, or null. */
    private final OpAttribute[] standIns;
    /** Per parameter after the ports, the keyword attribute it sets, or null for one of torch's others. */
    private final OpAttribute[] attributeAt;
    /** For a Python {@code F.} function, the attribute it reads first of its tensors, else null. */
    private final String readsFirst;

    /**
     * @param kind the row
     * @param name the torch name, which the messages say ({@code sum() takes 3 positional arguments ...})
     * @param signature the parameters
     * @param functional whether it is {@code torch.nn.functional}'s, a Python function whose missing needed attribute
     *                   (softmax's {@code dim=None}) gradviz refuses, where torch's native functions raise
     * @param run how it runs: its row's, or its spelling's own ({@code torch.mm})
     * @param readsFirst for a Python {@code F.} function, the attribute it reads first of its tensors, else null
     */
    OpCall(OpKind kind, String name, OpSignature signature, boolean functional, OpRun run, String readsFirst) {
        this.kind = kind;
        this.name = name;
        this.signature = signature;
        this.functional = functional;
        this.run = run;
        this.readsFirst = readsFirst;
        this.names = signature.names().toArray(String[]::new);
        this.positional = signature.positional();
        List<String> ports = kind.ports();
        this.standIns = new OpAttribute[ports.size()];
        for (int i = 0; i < ports.size(); i++) {
            String port = ports.get(i);
            standIns[i] = kind.spec().attributes().stream().filter(x -> port.equals(x.standsInFor())).findFirst()
                    .orElse(null);
        }
        this.attributeAt = new OpAttribute[names.length];
        for (int i = ports.size(); i < names.length; i++) {
            String key = names[i];
            // NOTE: a spread int list is the row's shape, whatever torch names it (view's size, reshape's shape)
            boolean sizes = i == signature.spread() && kind.takes(OpAttribute.SHAPE);
            attributeAt[i] = kind.spec().attributes().stream().filter(x -> x.isKeyword()
                    && (sizes ? x == OpAttribute.SHAPE : x.key().equals(key))).findFirst().orElse(null);
        }
    }

    OpKind kind() {
        return kind;
    }

    String name() {
        return name;
    }

    OpSignature signature() {
        return signature;
    }

    @Override
    public Object call(Args a) {
        return call(a, 0);
    }

    /** {@code t.name(...)}: this call with {@code t} as its first argument, positions counted after it. */
    PyCallable method(Tensor t) {
        return a -> call(a.withSelf(t), 1);
    }

    /**
     * A method call's spread int list packed as the one list it stands for ({@code x.view(1, -1)} is
     * {@code x.view((1, -1))}), as torch's argument parser takes a lone int-list parameter; else {@code a} itself.
     */
    private Args spread(Args a) {
        int at = signature.spread();
        List<Object> given = a.positional();
        if (at < 0 || given.size() <= at || given.size() == at + 1 && (Values.items(given.get(at)) != null
                || given.get(at) instanceof org.gradviz.engine.DType)) {
            return a;
        }
        List<Object> packed = new java.util.ArrayList<>(given.subList(0, at));
        packed.add(new Spread(List.copyOf(given.subList(at, given.size()))));
        return new Args(a.function(), packed, a.keywords());
    }

    /** Ints a method call gave spread out, packed as one argument. */
    private record Spread(List<Object> items) {
    }

    /** @param self 1 for a method call, whose arguments torch counts from after the tensor, else 0 */
    private Object call(Args given, int self) {
        OpSpec spec = kind.spec();
        Args a = self == 1 ? spread(given) : given;
        if (spec.alphaRun() != null && a.size() == 3 && a.keywords().isEmpty() && a.positional().get(0) instanceof Tensor t
                && Values.isNumber(a.positional().get(1)) && !(a.positional().get(1) instanceof Boolean)
                && a.positional().get(2) instanceof Tensor other) {
            // NOTE: torch's deprecated add(Tensor input, Number alpha, Tensor other), warned once per process
            Object alpha = a.positional().get(1);
            if (self == 1) {
                Warnings.deprecatedSignature(name, name + "(Number alpha, Tensor other)",
                        name + "(Tensor other, *, Number alpha)");
            } else {
                Warnings.deprecatedSignature(name, name + "(Tensor input, Number alpha, Tensor other, *, Tensor out)",
                        name + "(Tensor input, Tensor other, *, Number alpha, Tensor out)");
            }
            return spec.alphaRun().apply(t, other, Values.toDouble(alpha, name + "(): argument 'alpha'"),
                    !Values.isInteger(alpha));
        }
        a.accept(positional, !functional, names);
        Map<String, Tensor> in = new LinkedHashMap<>();
        Map<OpAttribute, Object> attributes = new EnumMap<>(OpAttribute.class);
        Object numberFirst;
        try {
            numberFirst = bind(a, self, in, attributes);
        } catch (PyError e) {
            throw functional ? e : InvalidArguments.of(e, name, spec.overloads(), given, self == 1);
        }
        if (numberFirst != null) {
            // NOTE: torch's own overload for a number first (pow(Number self, Tensor exponent)), no node of the row
            return spec.numberInput().run().apply(Values.toDouble(numberFirst, ""),
                    Values.isInteger(numberFirst), in);
        }
        if (spec.alphaRun() != null && a.has(-1, "alpha")) {
            Object alpha = a.get(-1, "alpha");
            if (!(Values.isNumber(alpha) && !(alpha instanceof Boolean) && Values.toDouble(alpha, "alpha") == 1
                    && Values.isInteger(alpha))) {
                return spec.alphaRun().apply(in.get(spec.ports().get(0)), in.get(spec.ports().get(1)),
                        Values.toDouble(alpha, name + "(): argument 'alpha'"), !Values.isInteger(alpha));
            }
        }
        if (attributes.get(OpAttribute.DIM) instanceof int[] dims) {
            return spec.severalDims().apply(in.get(spec.ports().get(0)), dims,
                    Boolean.TRUE.equals(attributes.get(OpAttribute.KEEPDIM)));
        }
        if (functional && spec.implicitDim() && !attributes.containsKey(OpAttribute.DIM)) {
            attributes.put(OpAttribute.DIM, ImplicitSoftmaxDim.of(name, in.get(spec.ports().get(0))));
        }
        needed(spec, attributes);
        org.gradviz.app.document.OpNode node = OpAttribute.node(null, kind, attributes);
        for (OpSpec.Limit limit : spec.limits()) {
            if (limit.applies().test(node, in)) {
                throw new Unsupported(limit.construct());
            }
        }
        return run.apply(node, in);
    }

    /**
     * Binds the arguments: tensors to {@code in} by port, the rest to {@code attributes}.
     *
     * @return the Python number given as the first tensor of a row with its own run for that, else null
     */
    private Object bind(Args a, int self, Map<String, Tensor> in, Map<OpAttribute, Object> attributes) {
        OpSpec spec = kind.spec();
        List<OpSignature.Parameter> parameters = signature.parameters();
        Object numberFirst = null;
        for (int i = 0; i < spec.ports().size(); i++) {
            Object number = port(a, i, self, parameters.get(i), spec.ports().get(i), in, attributes);
            if (number != null) {
                numberFirst = number;
            }
        }
        for (int i = spec.ports().size(); i < parameters.size(); i++) {
            OpSignature.Parameter p = parameters.get(i);
            int index = p.keywordOnly() ? -1 : i;
            OpAttribute attribute = attributeAt[i];
            if (attribute != null) {
                Object value = attribute(a, index, self, p, attribute, in.get(spec.ports().get(0)));
                if (value != null) {
                    attributes.put(attribute, value);
                }
            } else if (p.name().equals("dtype")) {
                if (a.dtype(index, "dtype") != null) {
                    throw new Unsupported("'" + name + "(dtype=...)'");
                }
            } else if (!p.optional()) {
                a.get(index, p.name()); // NOTE: torch's, not gradviz's: required, but what it says is not used
            }
        }
        if (numberFirst != null && !attributes.isEmpty()) {
            // NOTE: torch has no overload of two numbers (pow(2, 3)); its message lists the overloads
            throw PyError.type(name + "(): no overload takes two numbers");
        }
        return numberFirst;
    }

    /**
     * The argument for {@code port}: a tensor, or a Python number where an attribute stands in for the port, or,
     * in the first port, where torch takes a number ({@link OpSpec.NumberInput}).
     *
     * @return the number given as the first tensor of a row that runs it its own way, else null
     */
    private Object port(Args a, int i, int self, OpSignature.Parameter p, String port, Map<String, Tensor> in,
                        Map<OpAttribute, Object> attributes) {
        int index = p.keywordOnly() ? -1 : i;
        Object v = p.optional() ? a.get(index, p.name(), PyNone.NONE) : a.get(index, p.name());
        if (v instanceof Tensor t) {
            in.put(port, t);
            return null;
        }
        if (p.optional() && v == PyNone.NONE) {
            return null;
        }
        if (readsFirst != null) {
            // NOTE: a Python function of torch's reads an attribute of its tensor before any check
            throw PyError.attribute("'" + Values.typeName(v) + "' object has no attribute '" + readsFirst + "'");
        }
        OpSpec.NumberInput numberInput = kind.spec().numberInput();
        if (numberInput != null && self == 0 && Values.isNumber(v) && (numberInput.wrapped() || i == 0)) {
            if (!numberInput.wrapped()) {
                // NOTE: torch's overload names it "self", so only a number given by position takes it
                if (index >= 0 && index < a.size()) {
                    return v;
                }
                throw PyError.type(name + "(): argument '" + p.name() + "' must be Tensor, not "
                        + Values.typeName(v));
            }
            // NOTE: torch's should_allow_numbers_as_tensors: torch.add(3, x) wraps 3 as a 0-d tensor
            in.put(port, TensorArithmetic.wrap(v));
            return null;
        }
        OpAttribute standIn = standIns[i];
        if (standIn == OpAttribute.SCALAR && Values.isNumber(v)) {
            // NOTE: torch wraps a Python number "other" as a 0-d tensor, int or float as the number is
            in.put(port, TensorArithmetic.wrap(v));
        } else if (standIn == OpAttribute.EXPONENT && Values.isInteger(v) && !(v instanceof Boolean)
                && in.get("input") != null && !in.get("input").dtype().isFloatingPoint()) {
            // NOTE: an int power of an integer tensor stays integral (int32 ** 2 is int32); it has no gradient
            in.put(port, TensorArithmetic.wrap(v));
        } else if (standIn != null && Values.isNumber(v)) {
            attributes.put(standIn, Values.toDouble(v, name + "(): argument '" + p.name() + "'"));
        } else {
            // NOTE: torch's argument parser says where a positional argument stands, after self for a method
            String position = index >= 0 && index < a.size() ? " (position " + (index + 1 - self) + ")" : "";
            throw PyError.type(name + "(): argument '" + p.name() + "'" + position + " must be Tensor, not "
                    + Values.typeName(v));
        }
        return null;
    }

    /**
     * A keyword attribute's value as the node holds it, null when the call left it out or gave None.
     *
     * @param self 1 for a method call, whose arguments torch counts from after the tensor, else 0
     */
    private Object attribute(Args a, int index, int self, OpSignature.Parameter p, OpAttribute attribute,
                             Tensor input) {
        String key = p.name();
        return switch (attribute) {
            case DIM -> {
                Object dim = p.optional() ? a.get(index, key, PyNone.NONE) : a.get(index, key);
                if (dim == PyNone.NONE) {
                    yield null;
                }
                if (!kind.takes(OpAttribute.KEEPDIM)) {
                    long d = Values.toIndex(dim, name + "(): argument 'dim'");
                    yield (int) Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE);
                }
                List<?> dims = Values.items(dim);
                if (dims != null) {
                    if (dims.size() != 1) {
                        if (kind.spec().severalDims() == null) {
                            throw new Unsupported("'" + name + "()' over several dims");
                        }
                        int[] several = new int[dims.size()];
                        for (int i = 0; i < several.length; i++) {
                            several[i] = (int) Math.max(Math.min(Values.toIndex(dims.get(i), name
                                    + "(): argument 'dim'"), Integer.MAX_VALUE), Integer.MIN_VALUE);
                        }
                        yield several;
                    }
                    dim = dims.get(0);
                }
                yield input.shape().normalizeDim(Values.toIndex(dim, name + "(): argument 'dim'"));
            }
            case KEEPDIM -> a.has(index, key) ? a.bool(index, key, false) : null;
            case START_DIM, END_DIM -> a.has(index, key) ? integer(a, index, self, key) : null;
            case SHAPE -> sizes(a, index, self, key);
            case MIN, MAX -> a.optionalNumber(index, key);
            case REDUCTION -> a.has(index, key) ? a.string(index, key, "mean") : null;
            case EXPONENT, SCALAR -> null;
        };
    }

    /**
     * An {@code int} argument as torch's parser takes it: a Python int (not a bool), else torch's TypeError, which
     * says where a positional one stands; clamped to the int range, whose ends no dimension reaches.
     */
    private int integer(Args a, int index, int self, String key) {
        Object v = a.get(index, key);
        if (!(Values.isInteger(v) && !(v instanceof Boolean))) {
            String position = index >= 0 && index < a.size() ? " (position " + (index + 1 - self) + ")" : "";
            throw PyError.type(name + "(): argument '" + key + "'" + position + " must be int, not "
                    + Values.typeName(v));
        }
        long d = Ints.int64(v);
        return (int) Math.max(Math.min(d, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }

    /**
     * A view's or reshape's sizes: a tuple or list of ints (not bools), or ints given spread out, else torch's
     * TypeError, which says where the argument (or, given spread, the element) stands.
     */
    private List<Long> sizes(Args a, int index, int self, String key) {
        if (!a.has(index, key)) {
            throw PyError.type(name + "() missing 1 required positional arguments: \"" + key + "\"");
        }
        Object v = a.get(index, key);
        if (v instanceof org.gradviz.engine.DType) {
            throw new Unsupported("'Tensor." + name + "(dtype)'");
        }
        boolean spreadOut = v instanceof Spread;
        List<?> items = spreadOut ? ((Spread) v).items() : v instanceof Tensor ? null : Values.items(v);
        if (items == null) {
            throw PyError.type(name + "(): argument '" + key + "'" + position(a, index, self) + " must be tuple of "
                    + "SymInts, not " + Values.typeName(v));
        }
        List<Long> out = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object x = items.get(i);
            if (!Values.isInteger(x) || x instanceof Boolean) {
                throw PyError.type(name + "(): argument '" + key + "'" + (spreadOut ? " (position " + (i + 1) + ")"
                        + " must be tuple of SymInts, not " + Values.typeName(x)
                        : " must be tuple of SymInts, but found element of type " + Values.typeName(x) + " at pos "
                        + (i + 1)));
            }
            out.add(Ints.int64(x));
        }
        return List.copyOf(out);
    }

    /** {@code " (position 2)"} for a positional argument, counted after self for a method, else empty. */
    private static String position(Args a, int index, int self) {
        return index >= 0 && index < a.size() ? " (position " + (index + 1 - self) + ")" : "";
    }

    /** The row's "at least one of" attributes, with torch's error, or gradviz's refusal for a functional's None. */
    private void needed(OpSpec spec, Map<OpAttribute, Object> attributes) {
        List<OpAttribute> needs = spec.needsOneOf();
        for (OpAttribute need : needs) {
            if (attributes.containsKey(need)) {
                return;
            }
        }
        if (needs.isEmpty()) {
            return;
        }
        if (functional || needs.size() == 1) {
            throw new Unsupported("'" + name + "()' without " + needs.stream().map(OpAttribute::key)
                    .collect(Collectors.joining(" or ")));
        }
        throw new PyError("RuntimeError", "torch." + name + ": At least one of " + needs.stream()
                .map(x -> "'" + x.key() + "'").collect(Collectors.joining(" or ")) + " must not be None");
    }
}
