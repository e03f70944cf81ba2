package org.gradviz.app.script.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.gradviz.app.script.runtime.ScriptRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --trace file against real PyTorch 1.13: for every program of {@code fixtures/trace/trace_fixtures.json} (the
 * golden programs and {@code fixtures/trace/programs/}, recorded by {@code make_trace_fixtures.py}) each backward runs
 * the same nodes in the same order, with the same leaf variables and the same gradients received, sent and accumulated.
 */
class RunTraceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode FIXTURE = readFixture();

    @TempDir
    Path dir;

    private static JsonNode readFixture() {
        try (InputStream in = RunTraceTest.class.getResourceAsStream("/fixtures/trace/trace_fixtures.json")) {
            if (in == null) {
                throw new IllegalStateException("trace_fixtures.json is missing: run make_trace_fixtures.py with "
                        + "/usr/bin/python3");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code source} as {@code gradviz run --trace} does and reads back the file it writes. */
    private JsonNode trace(String name, String source) throws IOException {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        AtomicReference<RunTrace> recording = new AtomicReference<>();
        ScriptRunner.Outcome outcome;
        try {
            outcome = new ScriptRunner(source, name, "/work/" + name)
                    .run(nowhere, nowhere, interpreter -> recording.set(RunTrace.start(interpreter)));
        } finally {
            if (recording.get() != null) {
                recording.get().close();
            }
        }
        assertTrue(outcome.exitCode() != ScriptRunner.REFUSED, name + " was refused: " + outcome.problem());
        Path file = dir.resolve(name.replace('/', '_') + ".trace.json");
        recording.get().write(outcome.globals(), file);
        return JSON.readTree(Files.readString(file));
    }

    @TestFactory
    Stream<DynamicTest> everyBackwardRunsTorchsNodesWithTorchsGradients() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode program : FIXTURE.get("programs")) {
            String name = program.get("file").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> assertSameBackward(name, program,
                    trace(name, program.get("source").asText()))));
        }
        return tests.stream();
    }

    @Test
    void fixtureCoversEveryGoldenProgramAsItIsNowAndFifteenOwnPrograms() throws IOException {
        Map<String, String> recorded = new TreeMap<>();
        int own = 0;
        for (JsonNode program : FIXTURE.get("programs")) {
            String name = program.get("file").asText();
            if (name.startsWith("golden/")) {
                recorded.put(name.substring("golden/".length()), program.get("source").asText());
            } else {
                own++;
            }
        }
        Map<String, String> golden = new TreeMap<>();
        try (Stream<Path> files = Files.list(goldenPrograms())) {
            for (Path p : files.filter(p -> p.toString().endsWith(".py")).toList()) {
                golden.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertFalse(golden.isEmpty());
        assertEquals(golden, recorded, "golden programs changed: run make_trace_fixtures.py again");
        assertTrue(own >= 15, own + " own programs");
    }

    private static Path goldenPrograms() {
        String configured = System.getProperty("gradviz.golden");
        Path golden = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/golden").normalize();
        return golden.resolve("programs");
    }

    // ----- comparison with the fixture

    /** One backward of the trace: its backward_started event and every event up to its backward_finished. */
    private record Backward(JsonNode started, List<JsonNode> events, JsonNode finished) {
    }

    private static List<Backward> backwards(JsonNode trace) {
        List<Backward> out = new ArrayList<>();
        JsonNode started = null;
        List<JsonNode> events = null;
        for (JsonNode e : trace.get("events")) {
            String type = e.get("type").asText();
            if (type.equals("backward_started")) {
                assertEquals(null, started, "backward inside a backward");
                started = e;
                events = new ArrayList<>();
            } else if (type.equals("backward_finished")) {
                assertNotNull(started, "backward_finished without backward_started");
                out.add(new Backward(started, events, e));
                started = null;
            } else if (started != null) {
                events.add(e);
            }
        }
        assertEquals(null, started, "a backward that never finished");
        return out;
    }

    private static void assertSameBackward(String program, JsonNode expected, JsonNode trace) {
        List<JsonNode> calls = new ArrayList<>();
        for (JsonNode call : expected.get("backward")) {
            // a backward torch refused before running any node leaves no events
            if (!call.get("nodes").isEmpty()) {
                calls.add(call);
            }
        }
        List<Backward> actual = backwards(trace);
        assertEquals(calls.size(), actual.size(), program + ": number of backward calls that ran");
        for (int i = 0; i < calls.size(); i++) {
            assertSameCall(program + " backward #" + (i + 1), calls.get(i), actual.get(i));
        }
    }

    private static void assertSameCall(String where, JsonNode call, Backward actual) {
        assertEquals(call.get("line").asInt(), actual.started().get("line").asInt(), where + ": line");
        assertEquals(text(call.get("root")), text(actual.started().get("root")), where + ": root");
        assertEquals(text(call.get("error")), text(actual.finished().get("error")), where + ": error");

        List<List<JsonNode>> nodes = new ArrayList<>();
        for (JsonNode e : actual.events()) {
            String type = e.get("type").asText();
            if (type.equals("node")) {
                nodes.add(new ArrayList<>(List.of(e)));
            } else if (type.equals("sent") || type.equals("accumulated")) {
                assertFalse(nodes.isEmpty(), where + ": " + type + " before any node");
                nodes.get(nodes.size() - 1).add(e);
            } else {
                fail(where + ": unexpected event inside backward: " + e);
            }
        }
        assertEquals(names(call.get("nodes")), names(nodes), where + ": node order");
        for (int n = 0; n < nodes.size(); n++) {
            assertSameNode(where + ", node " + n, call.get("nodes").get(n), nodes.get(n));
        }
    }

    private static List<String> names(JsonNode expectedNodes) {
        List<String> out = new ArrayList<>();
        expectedNodes.forEach(n -> out.add(label(n.get("name").asText(), n.get("variable"))));
        return out;
    }

    private static List<String> names(List<List<JsonNode>> nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(events -> out.add(label(events.get(0).get("name").asText(), events.get(0).get("variable"))));
        return out;
    }

    private static String label(String name, JsonNode variable) {
        return variable.isNull() ? name : name + " (" + variable.asText() + ")";
    }

    private static void assertSameNode(String where, JsonNode expected, List<JsonNode> events) {
        String name = expected.get("name").asText();
        where = where + " " + name;
        JsonNode node = events.get(0);
        JsonNode gradsIn = expected.get("grads_in");
        assertEquals(gradsIn.size(), node.get("grads_in").size(), where + ": grads_in");
        for (int i = 0; i < gradsIn.size(); i++) {
            assertSameValue(where + " grads_in[" + i + "]", gradsIn.get(i), node.get("grads_in").get(i));
        }
        List<JsonNode> sent = events.stream().filter(e -> e.get("type").asText().equals("sent")).toList();
        JsonNode expectedSent = expected.get("sent");
        if (expectedSent.isNull()) {
            // torch's node failed: it sent nothing
            assertEquals(List.of(), sent, where + ": sent by a node that failed");
        } else {
            assertEquals(expectedSent.size(), sent.size(), where + ": number of gradients sent");
            for (int i = 0; i < sent.size(); i++) {
                JsonNode e = expectedSent.get(i);
                JsonNode a = sent.get(i);
                String edge = where + " sent #" + i;
                assertEquals(name, a.get("from").asText(), edge + ": from");
                assertEquals(e.get("input").asInt(), a.get("input").asInt(), edge + ": input");
                assertEquals(e.get("to").asText(), a.get("to").asText(), edge + ": to");
                assertSameValue(edge, e.get("grad"), a.get("grad"));
            }
        }
        List<JsonNode> accumulated = events.stream()
                .filter(e -> e.get("type").asText().equals("accumulated")).toList();
        JsonNode expectedAccumulated = expected.get("accumulated");
        if (expectedAccumulated.isNull()) {
            assertEquals(List.of(), accumulated, where + ": accumulated");
        } else {
            assertEquals(1, accumulated.size(), where + ": accumulated");
            JsonNode a = accumulated.get(0);
            assertEquals(text(expected.get("variable")), text(a.get("variable")), where + ": accumulated variable");
            assertSameValue(where + " before", expectedAccumulated.get("before"), a.get("before"));
            assertSameValue(where + " after", expectedAccumulated.get("after"), a.get("after"));
        }
    }

    /** {@code expected} is {"dtype", "values"} or null; float64 to 1e-12, float32 to 1e-6, relative above 1. */
    private static void assertSameValue(String where, JsonNode expected, JsonNode actual) {
        if (expected.isNull()) {
            assertTrue(actual.isNull(), where + ": expected no value, got " + actual);
            return;
        }
        double tolerance = expected.get("dtype").asText().equals("float64") ? 1e-12 : 1e-6;
        assertSameValues(where, expected.get("values"), actual, tolerance);
    }

    private static void assertSameValues(String where, JsonNode expected, JsonNode actual, double tolerance) {
        if (expected.isArray()) {
            assertTrue(actual.isArray(), where + ": expected a list, got " + actual);
            assertEquals(expected.size(), actual.size(), where + ": length");
            for (int i = 0; i < expected.size(); i++) {
                assertSameValues(where + "[" + i + "]", expected.get(i), actual.get(i), tolerance);
            }
        } else if (expected.isTextual() || expected.isBoolean()) {
            assertEquals(expected, actual, where);
        } else {
            assertTrue(actual.isNumber(), where + ": expected a number, got " + actual);
            double e = expected.asDouble();
            assertEquals(e, actual.asDouble(), tolerance * Math.max(1, Math.abs(e)), where);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
