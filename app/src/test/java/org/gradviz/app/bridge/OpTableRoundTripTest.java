package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Initializer;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.document.OpSpelling;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.gradviz.app.editor.PaletteEntry;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row of the op table ({@link OpKind}) is read by each of its readers: the palette lists it under its group,
 * the code writer writes it, the importer reads what was written back to the same node, and the cell prints what
 * the document computes. Generated from the table, so a new op missing from any reader fails here.
 *
 * <p>Each op is tried in a small document: one tensor per port, shape [2, 2] ({@code bias} [2]) with numbers in
 * (0, 1) so log and the cross entropies are defined, the op as {@code out}, and {@code total = out + t_input}
 * as the output, so that a gradient reaches the leaves even through {@code detach} ({@code out + out} for
 * flatten, view and reshape, whose [4] is no shape to add to [2, 2]).
 */
class OpTableRoundTripTest {

    // ----- the palette

    @ParameterizedTest
    @EnumSource(OpKind.class)
    void thePaletteListsEveryOpOnceUnderItsGroup(OpKind op) {
        List<PaletteEntry> entries = PaletteEntry.all().stream().filter(e -> e.op() == op).toList();
        assertEquals(1, entries.size(), op.id());
        assertEquals(op.spec().group().label(), entries.get(0).group());
        assertEquals(op.id(), entries.get(0).label());
    }

    @Test
    void thePaletteShowsEachGroupInOnePlace() {
        List<String> groups = new ArrayList<>();
        for (PaletteEntry e : PaletteEntry.all()) {
            if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(e.group())) {
                assertTrue(!groups.contains(e.group()), () -> e.group() + " is split in the palette: " + groups);
                groups.add(e.group());
            }
        }
    }

    // ----- writer, importer and evaluator

    @TestFactory
    Stream<DynamicTest> theWrittenCellOfEveryOpImportsToTheSameNode() {
        return documents().map(d -> DynamicTest.dynamicTest(d.title(), () -> {
            String cell = new PyTorchCodeWriter().write(d);
            GraphDocument back = new ScriptImporter().importCell(cell, "written.py");
            assertEquals(d.nodes(), back.nodes(), cell);
            assertEquals(d.edges(), back.edges(), cell);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theWrittenCellOfEveryOpPrintsWhatTheDocumentComputes() {
        return documents().map(d -> DynamicTest.dynamicTest(d.title(), () -> {
            String cell = new PyTorchCodeWriter().write(d);
            assertEquals(computed(d), Cells.stdout(cell), cell);
        }));
    }

    /** Every spelling the table lists, not only the one the writer writes, imports as its op. */
    @TestFactory
    Stream<DynamicTest> everySpellingOfEveryOpImportsAsThatOp() {
        List<DynamicTest> tests = new ArrayList<>();
        for (OpKind op : OpKind.values()) {
            GraphDocument d = document(op, portsOnly(op));
            for (OpSpelling spelling : op.spec().spellings()) {
                tests.add(DynamicTest.dynamicTest(op.id() + " as " + spelling.shown(), () -> {
                    String cell = cellSpelling(d, spelling);
                    GraphDocument back = new ScriptImporter().importCell(cell, "spelled.py");
                    OpNode node = back.node("out").orElseThrow(() -> new AssertionError(cell));
                    assertEquals(op, node.op(), cell);
                    if (!(spelling instanceof OpSpelling.Module)) {
                        assertEquals(d.nodes(), back.nodes(), cell);
                        assertEquals(d.edges(), back.edges(), cell);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aCallWithNoNodeListsEverySpellingOfTheTable() {
        ScriptImportException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptImportException.class,
                () -> new ScriptImporter().importCell("import torch\nx = torch.ones(2, 2, requires_grad=True)\n"
                        + "loss = torch.cat((x, x))\n", "cell.py"));
        for (OpKind op : OpKind.values()) {
            for (OpSpelling spelling : op.spec().spellings()) {
                assertTrue(e.getMessage().contains(spelling.shown()), () -> spelling.shown() + " in " + e.getMessage());
            }
        }
    }

    @Test
    void theCodeWriterRefusesToWriteAModule() {
        OpNode relu = OpNode.of("out", OpKind.RELU);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OpExpressions.of(
                relu, Map.of("input", PythonExpression.name("x")), OpSpelling.module("ReLU", "relu")));
        assertEquals("nn.ReLU is no expression of relu: the code writer needs a function, method or operator first "
                + "in its row", e.getMessage());
    }

    // ----- the documents

    /** Per op: its ports connected (with the attributes a palette node starts with), then every attribute set. */
    private static Stream<GraphDocument> documents() {
        return Stream.of(OpKind.values()).flatMap(op -> Stream.of(
                document(op, portsOnly(op)), document(op, everyAttribute(op))));
    }

    /** The palette's node without the numbers that stand in for ports, so every port is connected. */
    private static OpNode portsOnly(OpKind op) {
        Map<OpAttribute, Object> values = new EnumMap<>(OpAttribute.class);
        op.spec().defaults().forEach((a, v) -> {
            if (a.isKeyword()) {
                values.put(a, v);
            }
        });
        return OpAttribute.node("out", op, values);
    }

    private static OpNode everyAttribute(OpKind op) {
        Map<OpAttribute, Object> values = new EnumMap<>(OpAttribute.class);
        for (OpAttribute a : op.spec().attributes()) {
            values.put(a, switch (a) {
                case REDUCTION -> "sum";
                case DIM -> 1;
                case KEEPDIM -> true;
                case START_DIM -> 0;
                case END_DIM -> 1;
                case MIN -> 0.3;
                case MAX -> 0.7;
                case EXPONENT -> 3.0;
                case SCALAR -> 2.5;
                case SHAPE -> List.of(2L, -1L);
            });
        }
        return OpAttribute.node("out", op, values);
    }

    private static GraphDocument document(OpKind op, OpNode node) {
        List<TensorSource> tensors = new ArrayList<>();
        List<Connection> edges = new ArrayList<>();
        for (int p = 0; p < op.ports().size(); p++) {
            String port = op.ports().get(p);
            if (!op.requires(port, node) && !op.spec().optionalPorts().contains(port)) {
                continue;
            }
            List<Double> data = new ArrayList<>();
            boolean indices = op.takesIndices(port);
            int size = port.equals("bias") || indices ? 2 : 4;
            for (int i = 0; i < size; i++) {
                data.add(indices ? 1.0 - i : 0.15 + 0.15 * i + 0.1 * p); // NOTE: indices 1, 0 of two rows or classes
            }
            boolean grad = !port.equals("target") && !indices; // NOTE: torch has no derivative for a cross entropy's target
            tensors.add(new TensorSource("t_" + port, grad ? TensorRole.PARAMETER : TensorRole.INPUT,
                    size == 2 ? List.of(2) : List.of(2, 2), indices ? "int64" : null, grad,
                    new Initializer.Values(data)));
            edges.add(new Connection("t_" + port, "out", port));
        }
        edges.add(new Connection("out", "total", "input"));
        // NOTE: flatten's [4] (and a palette view's or reshape's, shape [-1]) does not broadcast with t_input's
        // [2, 2]; its own gradient reaches the leaf
        boolean reshapes = op == OpKind.FLATTEN || op.takes(OpAttribute.SHAPE);
        edges.add(new Connection(reshapes ? "out" : "t_input", "total", "other"));
        String title = op.id() + (node.equals(portsOnly(op)) ? " with its ports" : " with every attribute");
        GraphDocument d = new GraphDocument(GraphDocument.CURRENT_VERSION, title, null, tensors,
                List.of(node, OpNode.of("total", OpKind.ADD)), edges, "total", null, null);
        try {
            return new DocumentReader().parse(new DocumentWriter().toJson(d)); // NOTE: validates it
        } catch (Exception e) {
            throw new AssertionError(title + ": " + e.getMessage(), e);
        }
    }

    /** What the written cell should print: the output, then each gradient, as the document computes them. */
    private static String computed(GraphDocument d) {
        CompiledDocument compiled = new DocumentCompiler().compile(d);
        StringBuilder out = new StringBuilder(compiled.output() + "\n");
        compiled.backward();
        for (TensorSource t : d.tensors()) {
            if (t.requiresGrad()) {
                Tensor grad = compiled.tensor(t.name()).grad();
                out.append(grad == null ? "None" : grad.toString()).append('\n');
            }
        }
        return out.toString();
    }

    /** The document's cell with {@code out} written in {@code spelling}, by the code writer or as a module call. */
    private static String cellSpelling(GraphDocument d, OpSpelling spelling) {
        OpNode node = d.node("out").orElseThrow();
        Map<String, PythonExpression> in = new LinkedHashMap<>();
        for (Connection e : d.edgesInto("out")) {
            in.put(e.port(), PythonExpression.name(e.from()));
        }
        String out;
        if (spelling instanceof OpSpelling.Module module) {
            // NOTE: nn.Linear and nn.Embedding draw their own weights, so they are called on the input alone
            // and a module takes the keyword attributes when it is made: nn.Softmax(dim=-1)
            boolean drawn = module.className().equals("Linear") || module.className().equals("Embedding");
            List<String> args = drawn ? List.of("t_input") : List.copyOf(in.values().stream()
                    .map(PythonExpression::text).toList());
            List<String> made = new ArrayList<>(drawn ? List.of("2, 2") : List.of());
            for (OpAttribute a : node.op().spec().attributes()) {
                if (a.isKeyword() && a.of(node) != null) {
                    made.add(a.key() + "=" + (a.of(node) instanceof String text ? "'" + text + "'" : a.of(node)));
                }
            }
            out = "torch.nn." + module.className() + "(" + String.join(", ", made) + ")(" + String.join(", ", args)
                    + ")";
        } else {
            out = OpExpressions.of(node, in, spelling).text();
        }
        String written = new PyTorchCodeWriter().write(d);
        String line = written.lines().filter(l -> l.startsWith("out = ")).findFirst().orElseThrow();
        return "import torch.nn.functional as F\n" + written.replace(line, "out = " + out);
    }
}
