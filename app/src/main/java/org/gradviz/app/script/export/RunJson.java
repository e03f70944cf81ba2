package org.gradviz.app.script.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.document.AtomicFiles;
import org.gradviz.engine.AccumulateGrad;
import org.gradviz.engine.DType;
import org.gradviz.engine.Edge;
import org.gradviz.engine.Node;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;

/**
 * The {@code gradviz run --json} file: every module-level tensor variable and the autograd graph of each one with a
 * grad_fn. Format documented in README.md ("gradviz run --json").
 */
public final class RunJson {

    private RunJson() {
    }

    /** The JSON tree for the variables of a finished run (non-tensor variables are left out). */
    public static Map<String, Object> tree(Map<String, Object> globals) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        globals.forEach((name, v) -> {
            if (v instanceof Tensor t) {
                tensors.put(name, t);
            }
        });
        Function<Tensor, String> names = variableNames(globals);
        Map<String, Object> tensorJson = new LinkedHashMap<>();
        Map<String, Object> graphs = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            tensorJson.put(name, tensor(t));
            if (t.gradFn() != null) {
                graphs.put(name, graph(t.gradFn(), names));
            }
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tensors", tensorJson);
        root.put("graphs", graphs);
        return root;
    }

    /**
     * The name of the first module-level variable (in order of first assignment) holding each tensor, null for a
     * tensor no variable holds: how {@code "variable"} names a leaf. A snapshot of {@code globals} as they are now.
     */
    public static Function<Tensor, String> variableNames(Map<String, Object> globals) {
        Map<Tensor, String> names = new IdentityHashMap<>();
        globals.forEach((name, v) -> {
            if (v instanceof Tensor t) {
                names.putIfAbsent(t, name);
            }
        });
        return names::get;
    }

    private static Map<String, Object> tensor(Tensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", java.util.Arrays.stream(t.shape().dims()).boxed().toList());
        m.put("dtype", t.dtype().shortName());
        m.put("values", values(t));
        m.put("requires_grad", t.requiresGrad());
        m.put("is_leaf", t.isLeaf());
        m.put("grad_fn", t.gradFn() == null ? null : t.gradFn().name());
        Tensor grad = t.gradOrNull();
        m.put("grad", grad == null ? null : values(grad));
        return m;
    }

    /** A tensor's values as {@code tolist()} gives them (a bare number for 0-d), NaN and infinities as strings. */
    static Object values(Tensor t) {
        return finite(t.tolist());
    }

    /** Recorded values written as {@link #values(Tensor)} writes the tensor they were copied from; null for null. */
    static Object values(TensorValue v) {
        return v == null ? null
                : values(Tensor.fromData(Shape.of(v.shape()), DType.fromShortName(v.dtype()), v.data()));
    }

    /** NaN and infinities are not JSON numbers: they are written as the strings "NaN", "Infinity", "-Infinity". */
    private static Object finite(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(finite(x)));
            return out;
        }
        if (v instanceof Double d && !Double.isFinite(d)) {
            return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        return v;
    }

    /** Nodes in depth-first pre-order of next functions from the root, each once, numbered in that order. */
    private static Map<String, Object> graph(Node root, Function<Tensor, String> names) {
        Map<Node, Integer> ids = new IdentityHashMap<>();
        List<Node> order = new ArrayList<>();
        number(root, ids, order);
        List<Object> nodes = new ArrayList<>();
        for (Node n : order) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", ids.get(n));
            m.put("name", n.name());
            List<Integer> next = new ArrayList<>();
            for (Edge e : n.nextFunctions()) {
                next.add(e.isValid() ? ids.get(e.function()) : null);
            }
            m.put("next", next);
            m.put("variable", n instanceof AccumulateGrad acc ? names.apply(acc.variable()) : null);
            nodes.add(m);
        }
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("root", ids.get(root));
        g.put("nodes", nodes);
        return g;
    }

    private static void number(Node root, Map<Node, Integer> ids, List<Node> order) {
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            if (ids.containsKey(n)) {
                continue;
            }
            ids.put(n, order.size());
            order.add(n);
            List<Edge> next = n.nextFunctions();
            for (int i = next.size() - 1; i >= 0; i--) {
                Edge e = next.get(i);
                if (e.isValid() && !ids.containsKey(e.function())) {
                    pending.push(e.function());
                }
            }
        }
    }

    /** Writes the tree to {@code file} with {@link AtomicFiles}. */
    public static void write(Map<String, Object> globals, Path file) throws IOException {
        writeAtomically(tree(globals), file);
    }

    /** Writes a JSON tree to {@code file} with {@link AtomicFiles}. */
    static void writeAtomically(Object tree, Path file) throws IOException {
        AtomicFiles.write(file,
                out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, tree));
    }
}
