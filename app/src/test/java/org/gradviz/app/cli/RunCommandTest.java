package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    void programArgumentsAreSysArgvAfterTheFileAsPythonGivesThem() throws Exception {
        // exits 10 per argument, plus 1 when they are the ones given (an option-like one after --), 100 if not
        String prog = program("""
                import sys
                ok = sys.argv[0].endswith('prog.py') and sys.argv[1:] == ['a b', '-x', '3']
                sys.exit(len(sys.argv) * 10 + (1 if ok else 100))
                """).toString();

        assertEquals(41, run("run", prog, "a b", "--", "-x", "3"));
        assertEquals(110, run("run", prog));
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
    void programThatIsNotUtf8IsRefusedWithoutAJavaTrace() throws Exception {
        Path file = Files.write(dir.resolve("latin1.py"), new byte[] {'x', ' ', '=', ' ', '"', (byte) 0xe9, '"', '\n'});

        assertEquals(2, run("run", file.toString()));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void refusedProgramExitsTwoAndWritesNoJson() throws Exception {
        Path json = dir.resolve("out.json");
        assertEquals(2, run("run", program("x = 1\nasync def f():\n    pass\n").toString(), "--json", json.toString()));
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
        assertEquals(2, run("run", program("x = 1\nasync def f():\n    pass\n").toString(), "--trace", trace.toString()));
        assertFalse(Files.exists(trace));
    }

    // ----- output files

    private static final String TWO_TENSORS = "import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n";

    @Test
    void jsonThatIsTheProgramIsRefusedBeforeRunningAndTheProgramIsKept() throws Exception {
        Path prog = program(TWO_TENSORS);

        assertEquals(2, run("run", prog.toString(), "--json", prog.toString()));
        assertEquals(TWO_TENSORS, Files.readString(prog));
        assertEquals("gradviz run: --json " + prog + " is the input file " + prog
                + "; name another file for the output\n", err.toString());
    }

    @Test
    void outputThatIsTheProgramUnderAnotherNameIsRefused() throws Exception {
        Path prog = program(TWO_TENSORS);
        Path link = Files.createSymbolicLink(dir.resolve("link.py"), prog.getFileName());
        Path respelled = dir.resolve(".").resolve("sub").resolve("..").resolve("prog.py");
        Files.createDirectory(dir.resolve("sub"));

        assertEquals(2, run("run", prog.toString(), "--trace", link.toString()));
        assertEquals(2, run("run", prog.toString(), "--json", respelled.toString()));
        assertEquals(TWO_TENSORS, Files.readString(prog));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void jsonAndTraceOnOneFileAreRefused() throws Exception {
        Path out = dir.resolve("out.json");
        assertEquals(2, run("run", program(TWO_TENSORS).toString(), "--json", out.toString(), "--trace",
                dir.resolve(".").resolve("out.json").toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void outputInAMissingFolderIsRefusedBeforeTheProgramRuns() throws Exception {
        Path trace = dir.resolve("trace.json");
        Path json = dir.resolve("nope").resolve("out.json");

        assertEquals(2, run("run", program(TWO_TENSORS).toString(), "--trace", trace.toString(), "--json",
                json.toString()));
        assertEquals("gradviz run: no such folder for " + json + "\n", err.toString());
        assertFalse(Files.exists(trace), "nothing ran");
    }

    @Test
    void newJsonIsReadableByOthersAndAnExistingOneKeepsItsMode() throws Exception {
        Path prog = program(TWO_TENSORS);
        Path fresh = dir.resolve("fresh.json");
        Path existing = Files.writeString(dir.resolve("existing.json"), "{}");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(0, run("run", prog.toString(), "--json", fresh.toString(), "--trace", existing.toString()));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }

    @Test
    void jsonThatCannotBeWrittenAfterTheRunNamesTheTargetAndExitsOne() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out.json"));

        assertEquals(1, run("run", program(TWO_TENSORS).toString(), "--json", folder.toString()));
        assertEquals("gradviz run: cannot write " + folder + ": is a folder\n", err.toString());
    }

    @Test
    void jsonToAFifoIsWrittenThroughAndTheFifoStays() throws Exception {
        Path fifo = dir.resolve("out.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo failed");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertEquals(0, run("run", program(TWO_TENSORS).toString(), "--json", fifo.toString()));

        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
        assertTrue(read.get(10, TimeUnit.SECONDS).contains("\"MulBackward0\""));
    }
}
