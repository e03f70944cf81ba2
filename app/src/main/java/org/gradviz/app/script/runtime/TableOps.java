package org.gradviz.app.script.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpSignature;
import org.gradviz.app.document.OpSpelling;
import org.gradviz.engine.Tensor;

/**
 * The runner's Python names of the document ops, read from the op table ({@link OpKind}), so that a row added there
 * is callable here: each spelling of a row makes the names {@link OpSpelling} says (an operator, a method or a
 * {@code torch.} function makes {@code torch.X} and {@code t.X()}; an {@code F.} function
 * {@code torch.nn.functional.X}; a module {@code torch.nn.C} and its functional form {@code F.X}; an attribute
 * {@code t.A}), each a call that binds its arguments by the spelling's signature and runs the row ({@link OpCall}).
 * Indexed once.
 */
final class TableOps {

    /** A module of the table: its row and its spelling. */
    record Module(OpKind kind, OpSpelling.Module spelling) {
    }

    private static final Map<String, OpCall> TORCH = new LinkedHashMap<>();
    private static final Map<String, OpCall> FUNCTIONAL = new LinkedHashMap<>();
    private static final Map<String, Module> MODULES = new LinkedHashMap<>();
    private static final Map<String, OpKind> ATTRIBUTES = new LinkedHashMap<>();
    /** The tensor methods torch has no {@code torch.X} for ({@code t.view()}). */
    private static final Map<String, OpCall> METHODS = new LinkedHashMap<>();
    /** The torch name of each Python operator the table spells, by its symbol, binary ({@code +}) or unary. */
    private static final Map<String, String> INFIX = new LinkedHashMap<>();
    private static final Map<String, String> PREFIX = new LinkedHashMap<>();

    static {
        for (OpKind kind : OpKind.values()) {
            for (OpSpelling s : kind.spec().spellings()) {
                if (s instanceof OpSpelling.Function f && f.isFunctional()) {
                    add(FUNCTIONAL, new OpCall(kind, f.torchName(), kind.spec().signatureOf(f), true, runOf(kind, s),
                            f.readsFirst()));
                } else if (s instanceof OpSpelling.Module m) {
                    if (MODULES.putIfAbsent(m.className(), new Module(kind, m)) != null) {
                        throw new IllegalStateException("nn." + m.className() + " is spelled twice in the op table");
                    }
                } else if (s instanceof OpSpelling.Attribute) {
                    ATTRIBUTES.put(s.torchName(), kind);
                } else if (s instanceof OpSpelling.Method m && m.methodOnly()) {
                    add(METHODS, new OpCall(kind, s.torchName(), kind.spec().signatureOf(s), false, runOf(kind, s),
                            null));
                } else {
                    if (s instanceof OpSpelling.Infix infix) {
                        INFIX.put(infix.symbol(), infix.torchName());
                    } else if (s instanceof OpSpelling.Prefix prefix) {
                        PREFIX.put(prefix.symbol(), prefix.torchName());
                    }
                    add(TORCH, new OpCall(kind, s.torchName(), kind.spec().signatureOf(s), false, runOf(kind, s), null));
                }
            }
        }
        // a module's functional form, when no F. spelling gave it and torch.nn.functional has it: as torch.X takes it
        for (Module m : MODULES.values()) {
            String name = m.spelling().torchName();
            if (m.spelling().inFunctional() && !FUNCTIONAL.containsKey(name)) {
                OpCall torch = TORCH.get(name);
                OpSignature signature = torch != null && torch.kind() == m.kind() ? torch.signature()
                        : m.kind().spec().signatureOf(m.spelling());
                add(FUNCTIONAL, new OpCall(m.kind(), name, signature, true, m.kind().spec().run(), null));
            }
        }
    }

    private TableOps() {
    }

    private static org.gradviz.app.document.OpRun runOf(OpKind kind, OpSpelling s) {
        return s instanceof OpSpelling.Function f && f.run() != null ? f.run() : kind.spec().run();
    }

    /** Adds {@code call}; two spellings of one name must be one row's, with one signature. */
    private static void add(Map<String, OpCall> names, OpCall call) {
        OpCall before = names.putIfAbsent(call.name(), call);
        if (before != null && (before.kind() != call.kind() || !before.signature().equals(call.signature()))) {
            throw new IllegalStateException(call.name() + " is spelled by " + before.kind().id() + " ("
                    + before.signature() + ") and " + call.kind().id() + " (" + call.signature() + ")");
        }
    }

    /** {@code torch.X}, also the tensor method {@code t.X()}, by name. */
    static Map<String, OpCall> torch() {
        return Collections.unmodifiableMap(TORCH);
    }

    /** The tensor methods {@code t.X()} that are no {@code torch.X}, by name. */
    static Map<String, OpCall> methods() {
        return Collections.unmodifiableMap(METHODS);
    }

    /** {@code torch.nn.functional.X} by name. */
    static Map<String, OpCall> functional() {
        return Collections.unmodifiableMap(FUNCTIONAL);
    }

    /** {@code torch.nn.C} by class name. */
    static Map<String, Module> modules() {
        return Collections.unmodifiableMap(MODULES);
    }

    /** The tensor attributes that are ops ({@code T}) by name. */
    static Map<String, OpKind> attributes() {
        return Collections.unmodifiableMap(ATTRIBUTES);
    }

    /**
     * The name a Python operator on tensors is reported under ({@code x @ w} is {@code matmul}): the table's, or
     * {@code fallback} for an operator that is no document op ({@code %}).
     */
    static String operatorName(String symbol, boolean unary, String fallback) {
        return (unary ? PREFIX : INFIX).getOrDefault(symbol, fallback);
    }

    /** {@code t.A} for an attribute spelling {@code A}, or null when {@code A} is none. */
    static Tensor attribute(Tensor t, String name) {
        OpKind kind = ATTRIBUTES.get(name);
        return kind == null ? null
                : kind.spec().run().apply(OpAttribute.node(null, kind, Map.of()), Map.of(kind.ports().get(0), t));
    }
}
