package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpEvaluator;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpSpelling;
import org.gradviz.engine.DType;
import org.gradviz.engine.Shape;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runner's Python names of the document ops are the op table's ({@link OpKind}), with no list of its own: each
 * spelling of a row makes the names {@link OpSpelling} promises, each runs its row, and what a row computes when
 * called from Python is what a document computes with it. Since a row cannot be added to an enum in a test, the
 * single-table property is checked both ways: every name the table spells is the runner's call of that row, and
 * every call of a row the runner has is one the table spells.
 */
class RunnerReadsTheOpTableTest {

    /** {@code torch.X}, {@code Tensor.X}, {@code F.X}, {@code nn.C}, {@code Tensor.A} as the spellings promise them. */
    private static Map<String, OpKind> namesTheTableSpells() {
        Map<String, OpKind> names = new TreeMap<>();
        for (OpKind kind : OpKind.values()) {
            for (OpSpelling s : kind.spec().spellings()) {
                if (s instanceof OpSpelling.Function f && f.isFunctional()) {
                    names.put("F." + s.torchName(), kind);
                } else if (s instanceof OpSpelling.Module m) {
                    names.put("nn." + m.className(), kind);
                    if (m.inFunctional()) {
                        names.put("F." + s.torchName(), kind);
                    }
                } else if (s instanceof OpSpelling.Attribute) {
                    names.put("Tensor." + s.torchName(), kind);
                } else if (s instanceof OpSpelling.Method m && m.methodOnly()) {
                    names.put("Tensor." + s.torchName() + "()", kind);
                } else {
                    names.put("torch." + s.torchName(), kind);
                    names.put("Tensor." + s.torchName() + "()", kind);
                }
            }
        }
        return names;
    }

    /** Every name of the runner that runs a row of the table, with that row. */
    private static Map<String, OpKind> namesTheRunnerRunsRowsUnder() {
        Map<String, PyModule> modules = TorchModules.create(() -> { });
        Map<String, OpKind> names = new TreeMap<>();
        collect("torch.", modules.get("torch").members(), names);
        collect("F.", modules.get("torch.nn.functional").members(), names);
        TorchFunctions.all().forEach((name, f) -> {
            OpCall call = f instanceof ExtendedOpCall extended ? extended.row() : f instanceof OpCall c ? c : null;
            if (call != null) {
                names.put("Tensor." + name + "()", call.kind());
            }
        });
        TableOps.attributes().forEach((name, kind) -> names.put("Tensor." + name, kind));
        TableOps.methods().forEach((name, call) -> names.put("Tensor." + name + "()", call.kind()));
        modules.get("torch.nn").members().forEach((name, c) -> {
            TableOps.Module op = TableOps.modules().get(name);
            if (op != null && c instanceof PyClass cls && cls.name().equals(name)) {
                names.put("nn." + name, op.kind());
            }
        });
        return names;
    }

    private static void collect(String prefix, Map<String, Object> members, Map<String, OpKind> names) {
        members.forEach((name, member) -> {
            // NOTE: a name the runner extends with arguments the row lacks (rounding_mode=) still runs its row
            OpCall call = member instanceof Builtin b ? (b.body() instanceof ExtendedOpCall extended ? extended.row()
                    : b.body() instanceof OpCall c ? c : null) : null;
            if (call != null) {
                assertEquals(name, call.name(), prefix + name);
                names.put(prefix + name, call.kind());
            }
        });
    }

    @Test
    void theRunnersNamesOfDocumentOpsAreExactlyThoseTheTableSpells() {
        assertEquals(namesTheTableSpells(), namesTheRunnerRunsRowsUnder());
    }

    @Test
    void noFunctionOfTheRunnersOwnHasTheNameOfAnOp() {
        TreeSet<String> opNames = new TreeSet<>();
        for (OpKind kind : OpKind.values()) {
            kind.spec().spellings().forEach(s -> opNames.add(s.torchName()));
        }
        Tensor t = Tensor.fromData(Shape.of(2, 2), DType.FLOAT32, new double[] {1, 2, 3, 4});
        for (String name : opNames) {
            assertNull(TorchFunctions.own().get(name), name);
            assertNull(TensorShapeFunctions.method(t, name), name);
        }
        Map<String, Object> functional = new LinkedHashMap<>();
        NnFunctional.addTo(functional);
        for (String name : functional.keySet()) {
            assertFalse(opNames.contains(name), name);
        }
    }

    @Test
    void aTensorAttributeOfTheTableIsItsRowsResult() {
        ScriptRun run = ScriptRun.of("import torch\nx = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\nprint(x.T)\n");
        assertEquals("tensor([[1., 3.],\n        [2., 4.]])\n", run.out()); // as torch 1.13 prints x.T
    }

    @Test
    void torchHasEveryMethodSpellingAsAFunctionToo() {
        // torch 1.13: torch.detach(x) is x.detach(), a tensor with no grad_fn
        ScriptRun run = ScriptRun.of("import torch\nx = torch.ones(2, requires_grad=True)\ny = torch.detach(x * 2)\n"
                + "print(y, y.requires_grad)\n");
        assertEquals("tensor([2., 2.]) False\n", run.out());
    }

    // ----- every name computes what a document computes

    @TestFactory
    Stream<DynamicTest> everyNameOfEveryRowComputesWhatTheDocumentComputes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, OpKind> e : namesTheTableSpells().entrySet()) {
            String name = e.getKey();
            OpKind kind = e.getValue();
            if (name.equals("nn.Linear") || name.equals("nn.Embedding")) {
                continue; // NOTE: they draw their own weights; OpTableRoundTripTest imports them
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String program = program(name, kind);
                ScriptRun run = ScriptRun.of(program);
                assertEquals(stderrOf(name), run.err(), program);
                assertEquals(computed(kind) + "\n", run.out(), program);
            }));
        }
        return tests.stream();
    }

    /** What torch 1.13 writes on stderr for a name: F.sigmoid and F.tanh warn, at functional.py's line, once. */
    private static String stderrOf(String name) {
        return switch (name) {
            case "F.sigmoid" -> deprecated("sigmoid", 1967);
            case "F.tanh" -> deprecated("tanh", 1956);
            default -> "";
        };
    }

    private static String deprecated(String function, int line) {
        String message = "nn.functional." + function + " is deprecated. Use torch." + function + " instead.";
        return "/usr/lib/python3/dist-packages/torch/nn/functional.py:" + line + ": UserWarning: " + message
                + "\n  warnings.warn(\"" + message + "\")\n";
    }

    /** Port {@code p}'s numbers: eighths, exact in float32, in (0, 1) for the cross entropies. */
    private static double[] data(int p, int size) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = 0.125 * (i + 1) + 0.0625 * p;
        }
        return d;
    }

    private static int size(String port) {
        return port.equals("bias") ? 2 : 4;
    }

    /** The keyword attributes a palette node starts with ({@code dim=-1}, {@code min=0.0}). */
    private static Map<OpAttribute, Object> keywords(OpKind kind) {
        Map<OpAttribute, Object> out = new EnumMap<>(OpAttribute.class);
        kind.spec().defaults().forEach((a, v) -> {
            if (a.isKeyword()) {
                out.put(a, v);
            }
        });
        return out;
    }

    private static String computed(OpKind kind) {
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (int p = 0; p < kind.ports().size(); p++) {
            String port = kind.ports().get(p);
            int size = size(port);
            in.put(port, kind.takesIndices(port) ? Tensor.fromData(Shape.of(2), DType.INT64, new double[] {1, 0})
                    : Tensor.fromData(size == 2 ? Shape.of(2) : Shape.of(2, 2), DType.FLOAT32, data(p, size)));
        }
        return OpEvaluator.apply(OpAttribute.node("out", kind, keywords(kind)), in).toString();
    }

    private static String program(String name, OpKind kind) {
        StringBuilder s = new StringBuilder("import torch\nimport torch.nn.functional as F\n");
        List<String> tensors = new ArrayList<>();
        for (int p = 0; p < kind.ports().size(); p++) {
            String port = kind.ports().get(p);
            double[] d = data(p, size(port));
            List<String> numbers = new ArrayList<>();
            for (double x : d) {
                numbers.add(Double.toString(x));
            }
            String text = d.length == 2 ? "[" + String.join(", ", numbers) + "]"
                    : "[[" + numbers.get(0) + ", " + numbers.get(1) + "], [" + numbers.get(2) + ", " + numbers.get(3)
                    + "]]";
            s.append("t_").append(port).append(" = torch.tensor(").append(kind.takesIndices(port) ? "[1, 0]" : text)
                    .append(")\n");
            tensors.add("t_" + port);
        }
        List<String> keywords = new ArrayList<>();
        // NOTE: sizes by position, a Python list ([-1]): torch names them size for view, shape for reshape
        keywords(kind).forEach((a, v) -> keywords.add(a == OpAttribute.SHAPE ? String.valueOf(v) : a.key() + "=" + v));
        String call;
        if (name.startsWith("nn.")) {
            call = "torch.nn." + name.substring(3) + "(" + String.join(", ", keywords) + ")("
                    + String.join(", ", tensors) + ")";
        } else if (name.startsWith("Tensor.") && !name.endsWith("()")) {
            call = tensors.get(0) + "." + name.substring("Tensor.".length());
        } else if (name.startsWith("Tensor.")) {
            String method = name.substring("Tensor.".length(), name.length() - 2);
            List<String> args = new ArrayList<>(tensors.subList(1, tensors.size()));
            args.addAll(keywords);
            call = tensors.get(0) + "." + method + "(" + String.join(", ", args) + ")";
        } else {
            List<String> args = new ArrayList<>(tensors);
            args.addAll(keywords);
            call = name + "(" + String.join(", ", args) + ")";
        }
        return s.append("print(").append(call).append(")\n").toString();
    }
}
