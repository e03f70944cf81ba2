package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gradviz run}: exit statuses, the --json and --trace files (the program's stdout goes to the real stdout). */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine(document -> { }, dir.resolve("none.json"));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path program(String source) throws Exception {
        return Files.writeString(dir.resolve("prog.py"), source);
    }

    @Test
    void missingFileExitsWithUsageError() {
        assertEquals(2, run("run", dir.resolve("nope.py").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void programThatRunsExitsZeroAndWritesJson() throws Exception {
        Path json = dir.resolve("out.json");
        int code = run("run", program("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n").toString(),
                "--json", json.toString());

        assertEquals(0, code);
        String text = Files.readString(json);
        assertTrue(text.contains("\"MulBackward0\""), text);
        assertTrue(text.contains("\"variable\" : \"x\""), text);
    }

    @Test
    void uncaughtErrorExitsOne() throws Exception {
        assertEquals(1, run("run", program("x = 1 / 0\n").toString()));
    }

    @Test
    void refusedProgramExitsTwoAndWritesNoJson() throws Exception {
        Path json = dir.resolve("out.json");
        assertEquals(2, run("run", program("while True:\n    pass\n").toString(), "--json", json.toString()));
        assertFalse(Files.exists(json));
    }

    private static final String SEED_NETWORK = """
            import torch
            import torch.nn.functional as F

            torch.manual_seed(0)
            x = torch.ones(5)
            y = torch.zeros(3)
            w = torch.randn(5, 3, requires_grad=True)
            b = torch.randn(3, requires_grad=True)
            z = torch.matmul(x, w) + b
            loss = F.binary_cross_entropy_with_logits(z, y)
            loss.backward()
            """;

    private static List<JsonNode> events(Path trace, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(Files.readString(trace)).get("events")) {
            if (e.get("type").asText().equals(type)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void traceOfSeedNetworkRunsBackwardNodesInTorchsOrder() throws Exception {
        Path trace = dir.resolve("trace.json");
        assertEquals(0, run("run", program(SEED_NETWORK).toString(), "--trace", trace.toString()));

        List<String> nodes = new ArrayList<>();
        for (JsonNode node : events(trace, "node")) {
            JsonNode variable = node.get("variable");
            nodes.add(node.get("name").asText() + (variable.isNull() ? "" : " (" + variable.asText() + ")"));
        }
        assertEquals(List.of("BinaryCrossEntropyWithLogitsBackward0", "AddBackward0", "AccumulateGrad (b)",
                "SqueezeBackward3", "MmBackward0", "AccumulateGrad (w)"), nodes);
    }

    @Test
    void traceNamesOpsWithTheirGradFnAndLine() throws Exception {
        Path trace = dir.resolve("trace.json");
        run("run", program(SEED_NETWORK).toString(), "--trace", trace.toString());

        List<String> ops = new ArrayList<>();
        for (JsonNode op : events(trace, "op")) {
            ops.add(op.get("op").asText() + " " + op.get("grad_fn").asText() + " " + op.get("line").asInt());
        }
        assertEquals(List.of("unsqueeze null 9", "mm MmBackward0 9", "squeeze SqueezeBackward3 9",
                "add AddBackward0 9", "binary_cross_entropy_with_logits BinaryCrossEntropyWithLogitsBackward0 10"),
                ops);
        JsonNode started = events(trace, "backward_started").get(0);
        assertEquals(11, started.get("line").asInt());
        assertEquals("loss", started.get("root").asText());
        JsonNode first = events(trace, "node").get(0);
        assertEquals("[1.0]", first.get("grads_in").toString());
    }

    @Test
    void failedSecondBackwardEndsWithTorchsErrorAndTheTraceIsStillWritten() throws Exception {
        Path trace = dir.resolve("trace.json");
        int code = run("run", program(SEED_NETWORK + "loss.backward()\n").toString(), "--trace", trace.toString());

        assertEquals(1, code);
        List<JsonNode> finished = events(trace, "backward_finished");
        assertEquals(2, finished.size());
        assertTrue(finished.get(0).get("error").isNull());
        assertEquals("RuntimeError: Trying to backward through the graph a second time (or directly access saved "
                + "tensors after they have already been freed). Saved intermediate values of the graph are freed when "
                + "you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
                + "the graph a second time or if you need to access saved tensors after calling backward.",
                finished.get(1).get("error").asText());
        JsonNode last = new ObjectMapper().readTree(Files.readString(trace)).get("events");
        assertEquals("backward_finished", last.get(last.size() - 1).get("type").asText());
    }

    @Test
    void traceAccumulatedHoldsGradBeforeAndAfter() throws Exception {
        Path trace = dir.resolve("trace.json");
        run("run", program("""
                import torch
                x = torch.tensor(3.0, requires_grad=True)
                (x * x).backward()
                (x * 2).backward()
                """).toString(), "--trace", trace.toString());

        List<JsonNode> accumulated = events(trace, "accumulated");
        assertEquals(2, accumulated.size());
        assertEquals("x", accumulated.get(0).get("variable").asText());
        assertTrue(accumulated.get(0).get("before").isNull());
        assertEquals(6.0, accumulated.get(0).get("after").asDouble());
        assertEquals(6.0, accumulated.get(1).get("before").asDouble());
        assertEquals(8.0, accumulated.get(1).get("after").asDouble());
    }

    @Test
    void traceNamesLeavesByTheVariablesHeldAtTheEnd() throws Exception {
        Path trace = dir.resolve("trace.json");
        run("run", program("""
                import torch
                t = torch.tensor([1.0, 2.0], requires_grad=True)
                (t * 3).sum().backward()
                first = t
                t = torch.zeros(2)
                """).toString(), "--trace", trace.toString());

        assertEquals("first", events(trace, "accumulated").get(0).get("variable").asText());
        assertTrue(events(trace, "backward_started").get(0).get("root").isNull());
    }

    @Test
    void traceAndJsonAreWrittenTogether() throws Exception {
        Path trace = dir.resolve("trace.json");
        Path json = dir.resolve("out.json");
        assertEquals(0, run("run", program(SEED_NETWORK).toString(), "--json", json.toString(), "--trace",
                trace.toString()));

        assertTrue(Files.readString(json).contains("\"graphs\""));
        assertEquals(6, events(trace, "node").size());
    }

    @Test
    void traceLeavesOutRetainedGradUpdates() throws Exception {
        Path trace = dir.resolve("trace.json");
        run("run", program("""
                import torch
                x = torch.tensor(2.0, requires_grad=True)
                y = x * x
                y.retain_grad()
                y.backward()
                """).toString(), "--trace", trace.toString());

        List<String> types = new ArrayList<>();
        new ObjectMapper().readTree(Files.readString(trace)).get("events")
                .forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("op", "backward_started", "node", "sent", "sent", "node", "accumulated",
                "backward_finished"), types);
    }

    @Test
    void refusedProgramWritesNoTrace() throws Exception {
        Path trace = dir.resolve("trace.json");
        assertEquals(2, run("run", program("while True:\n    pass\n").toString(), "--trace", trace.toString()));
        assertFalse(Files.exists(trace));
    }
}
