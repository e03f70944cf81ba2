package org.gradviz.app.document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gradviz.engine.Storage;

/**
 * Checks a bound document before anything runs it and refuses the first problem with one message naming
 * the place ({@code nodes[3] "add1": input "other" is not connected}). Shapes are checked when the
 * document is compiled, where the engine knows them.
 */
final class DocumentValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> REDUCTIONS = Set.of("mean", "sum", "none");
    private static final Set<String> DTYPES = Set.of("float32", "float64", "int64");
    private static final double MAX_EXACT = 0x1p53;

    private final GraphDocument document;
    private final boolean requireConnected;
    private final Map<String, String> places = new HashMap<>();

    private DocumentValidator(GraphDocument document, boolean requireConnected) {
        this.document = document;
        this.requireConnected = requireConnected;
    }

    static void validate(GraphDocument document) {
        new DocumentValidator(document, true).run();
    }

    /** Everything but unconnected inputs: a graph still being built in the editor. */
    static void validateDraft(GraphDocument document) {
        new DocumentValidator(document, false).run();
    }

    private void run() {
        for (int i = 0; i < document.tensors().size(); i++) {
            checkTensor(i, document.tensors().get(i));
        }
        for (int i = 0; i < document.nodes().size(); i++) {
            checkNode(i, document.nodes().get(i));
        }
        Map<String, Map<String, Integer>> ports = checkEdges();
        for (int i = 0; i < document.nodes().size(); i++) {
            checkConnected(i, document.nodes().get(i), ports.getOrDefault(document.nodes().get(i).name(), Map.of()));
        }
        checkOutput();
        if (document.positions() != null) {
            for (String name : document.positions().keySet()) {
                if (!places.containsKey(name)) {
                    throw fail("positions: " + quoted(name) + " names no tensor or node");
                }
            }
        }
        checkView(document.viewOrDefault());
    }

    private void checkTensor(int i, TensorSource t) {
        String place = "tensors[" + i + "]" + (t.name() == null ? "" : " " + quoted(t.name()));
        claimName(place, t.name());
        if (t.role() == null) {
            throw fail(place + ": \"role\" is missing (input, parameter or constant)");
        }
        if (t.shape() == null) {
            throw fail(place + ": \"shape\" is missing (use [] for a single number)");
        }
        long numel = 1;
        for (Integer d : t.shape()) {
            if (d == null || d < 0) {
                throw fail(place + ": shape " + t.shape() + " has a negative or missing size");
            }
            numel = Math.multiplyHigh(numel, d) != 0 ? Long.MAX_VALUE : numel * d;
        }
        if (!DTYPES.contains(t.dtypeOrDefault())) {
            throw fail(place + ": dtype " + quoted(t.dtype()) + " is not supported (use float32, float64 or int64)");
        }
        boolean integral = t.isIntegral();
        if (integral && t.requiresGrad()) {
            // torch: RuntimeError: Only Tensors of floating point and complex dtype can require gradients
            throw fail(place + ": \"requires_grad\" is true, and only tensors of floating point dtype can require "
                    + "gradients; make it float32, or set requires_grad to false");
        }
        if (!Storage.fitsNow(numel)) {
            throw fail(place + ": shape " + ShapeText.of(t.shape()) + " has " + (numel == Long.MAX_VALUE
                    ? "more than " : "") + numel + " elements; gradviz has memory for " + Storage.heapText()
                    + ": use a smaller shape, or give Java more memory (-Xmx)");
        }
        if (t.init() == null) {
            throw fail(place + ": \"init\" is missing (values, ones, zeros, eye, randn or full)");
        }
        if (t.init() instanceof Initializer.Values v) {
            if (v.data() == null || v.data().stream().anyMatch(x -> x == null)) {
                throw fail(place + ": values need a \"data\" list of numbers");
            }
            if (v.data().size() != numel) {
                throw fail(place + ": " + v.data().size() + " values do not fill shape " + ShapeText.of(t.shape())
                        + " (" + numel + " needed)");
            }
            if (integral) {
                for (int k = 0; k < v.data().size(); k++) {
                    checkWhole(place, "data[" + k + "]", v.data().get(k));
                }
            }
        }
        if (integral && t.init() instanceof Initializer.Full f) {
            checkWhole(place, "full's value", f.value());
        }
        if (integral && t.init() instanceof Initializer.Randn) {
            // torch: RuntimeError: "normal_kernel_cpu" not implemented for 'Long'
            throw fail(place + ": randn draws floats, and this tensor is int64; give its values, or make it float32");
        }
        if (t.init() instanceof Initializer.Eye && t.shape().size() != 2) {
            throw fail(place + ": eye needs a shape of two sizes, got " + ShapeText.of(t.shape()));
        }
        if (t.init() instanceof Initializer.Randn && document.seed() == null) {
            throw fail(place + ": randn needs the document's \"seed\" (as torch.manual_seed) so runs repeat");
        }
    }

    /** An element of an int64 tensor: a whole number that a double holds exactly (|v| up to 2**53). */
    private static void checkWhole(String place, String what, double v) {
        if (v != Math.rint(v) || Math.abs(v) > MAX_EXACT) {
            throw fail(place + ": dtype int64 holds whole numbers, and " + what + " is " + DecimalText.plain(v)
                    + (v == Math.rint(v) ? " (beyond 2**53, which gradviz holds exactly)" : "")
                    + "; write a whole number, or make the tensor float32");
        }
    }

    private void checkNode(int i, OpNode n) {
        String place = "nodes[" + i + "]" + (n.name() == null ? "" : " " + quoted(n.name()));
        claimName(place, n.name());
        if (n.op() == null) {
            throw fail(place + ": \"op\" is missing");
        }
        OpKind op = n.op();
        for (OpAttribute attribute : OpAttribute.values()) {
            refuse(place, op, attribute.key(), attribute.of(n) != null && !op.takes(attribute));
        }
        if (n.reduction() != null && !REDUCTIONS.contains(n.reduction())) {
            throw fail(place + ": reduction " + quoted(n.reduction()) + " is not one of mean, sum, none");
        }
        if (n.keepdim() != null && n.dim() == null) {
            throw fail(place + ": keepdim needs a dim");
        }
        List<OpAttribute> needed = op.spec().needsOneOf();
        if (!needed.isEmpty() && needed.stream().allMatch(a -> a.of(n) == null)) {
            throw fail(place + ": " + op.id() + " needs " + (needed.size() == 1 ? "a " + needed.get(0).key()
                    : "at least one of " + needed.stream().map(OpAttribute::key).collect(Collectors.joining(" and "))));
        }
        if (n.shape() != null) {
            checkSizes(place, n.shape());
        }
    }

    /**
     * A view's or reshape's sizes: each a size (0 or more) or -1, the one inferred from the number of elements, as
     * torch's infer_size takes them; whether they fit the input's number of elements is known only when it runs.
     */
    private static void checkSizes(String place, List<Long> shape) {
        int inferred = -1;
        for (int k = 0; k < shape.size(); k++) {
            Long size = shape.get(k);
            if (size == null || size < -1) {
                // torch: RuntimeError: invalid shape dimension -2
                throw fail(place + ": shape[" + k + "] is " + size + ", and a size is a whole number from 0 up, or -1 "
                        + "for the one size inferred from the number of elements");
            }
            if (size == -1) {
                if (inferred >= 0) {
                    // torch: RuntimeError: only one dimension can be inferred
                    throw fail(place + ": shape " + ShapeText.sizes(shape) + " has -1 at " + inferred + " and at " + k
                            + ", and only one dimension can be inferred; give the other sizes");
                }
                inferred = k;
            }
        }
    }

    private static void refuse(String place, OpKind op, String attribute, boolean present) {
        if (present) {
            throw fail(place + ": " + op.id() + " takes no attribute \"" + attribute + "\"");
        }
    }

    private void claimName(String place, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw fail(place + ": name " + (name == null ? "is missing" : quoted(name) + " is not a Python name")
                    + " (letters, digits and _, not starting with a digit)");
        }
        String earlier = places.putIfAbsent(name, place);
        if (earlier != null) {
            throw fail(place + ": the name " + quoted(name) + " is already used by " + earlier.split(" ")[0]);
        }
    }

    /**
     * Checks every edge, then that no edge makes a cycle (one pass over the whole document), and returns, for each
     * node, which edge feeds each port.
     */
    private Map<String, Map<String, Integer>> checkEdges() {
        Map<String, Map<String, Integer>> ports = new HashMap<>();
        for (int i = 0; i < document.edges().size(); i++) {
            Connection e = document.edges().get(i);
            String place = "edges[" + i + "]";
            if (e.from() == null || !places.containsKey(e.from())) {
                throw fail(place + ": \"from\" " + quoted(e.from()) + " names no tensor or node");
            }
            OpNode target = e.to() == null ? null : document.node(e.to()).orElse(null);
            if (target == null) {
                throw fail(place + ": \"to\" " + quoted(e.to()) + " names no node"
                        + (document.tensor(String.valueOf(e.to())).isPresent() ? " (tensors have no inputs)" : ""));
            }
            if (e.port() == null || !target.op().ports().contains(e.port())) {
                throw fail(place + " " + e.from() + " -> " + e.to() + ": " + target.op().id() + " has no input "
                        + quoted(e.port()) + " (its inputs: " + String.join(", ", target.op().ports()) + ")");
            }
            Integer before = ports.computeIfAbsent(e.to(), k -> new LinkedHashMap<>()).putIfAbsent(e.port(), i);
            if (before != null) {
                throw fail(places.get(e.to()) + ": input \"" + e.port() + "\" is connected twice (edges[" + before
                        + "] and edges[" + i + "])");
            }
        }
        CycleCheck.firstClosingEdge(document.edges()).ifPresent(i -> {
            Connection e = document.edges().get(i);
            throw fail("edge " + e.from() + " -> " + e.to() + " would make a cycle");
        });
        return ports;
    }

    private void checkConnected(int i, OpNode n, Map<String, Integer> connected) {
        String place = "nodes[" + i + "] " + quoted(n.name());
        for (String port : n.op().ports()) {
            if (requireConnected && n.op().requires(port, n) && !connected.containsKey(port)) {
                throw fail(place + ": input \"" + port + "\" is not connected");
            }
        }
        if (n.scalar() != null && connected.containsKey("other")) {
            throw fail(place + ": input \"other\" is connected and \"scalar\" is set; keep one");
        }
        if (n.exponent() != null && connected.containsKey("exponent")) {
            throw fail(place + ": input \"exponent\" is connected and the \"exponent\" attribute is set; keep one");
        }
    }

    private void checkOutput() {
        String output = document.output();
        if (output != null && document.node(output).isEmpty()) {
            throw fail("output " + quoted(output) + " names no node"
                    + (document.tensor(output).isPresent() ? " (a tensor source has no graph to draw)" : ""));
        }
    }

    private static void checkView(ViewSettings view) {
        if (view.dpi() != null && (view.dpi() < 10 || view.dpi() > 2400)) {
            throw fail("view.dpi " + view.dpi() + " is out of range (10 to 2400)");
        }
    }

    private static String quoted(String s) {
        return JsonText.quoted(s);
    }

    private static DocumentException fail(String message) {
        return new DocumentException(message);
    }
}
