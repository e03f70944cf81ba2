package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile edits of real programs, run: numbers swapped for extreme ones (2**63, 10**18, nan, -1), names swapped for
 * other names of the program, operators for other operators, lines repeated or dropped. Whatever the program does,
 * gradviz answers as Python would (output, or a traceback, or a refusal), never with a Java exception or a
 * "gradviz internal error". The seed is fixed, so a failure here is a failure on every run.
 */
class RunFuzzProperties {
    private static final long PATIENCE_MS = 3000;
    private static final List<String> EXTREME_NUMBERS = List.of("0", "-1", "2**63", "-(2**63)", "10**18", "2**31",
            "1e308", "float('nan')", "float('inf')", "3.5", "-0.0", "100000", "10**10");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?(e-?\\d+)?(?![\\w.])");
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z_][A-Za-z_0-9]*\\b");
    private static final Pattern OPERATOR = Pattern.compile("(?<=[\\w)\\] ])[+\\-*/@%](?=[\\w(\\[ ])");
    private static final String[] OPERATORS = {"+", "-", "*", "/", "//", "%", "**", "@", "<", "=="};

    @Property(tries = 500, seed = "20261130")
    void aHostileEditOfARealProgramRunsAsPythonWouldOrFailsAsPythonWould(@ForAll("hostilePrograms") String source)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                new ScriptRunner(source, "fuzz.py", "fuzz.py").run(o, e);
            } catch (org.gradviz.app.script.ScriptCancelledException cancelled) {
                // it ran longer than the patience of this test: as a long Python program would
            } catch (Throwable t) {
                escaped.set(t);
            }
        }, "gradviz-fuzz-run", ScriptRunner.STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        worker.join(PATIENCE_MS);
        if (worker.isAlive()) {
            worker.interrupt(); // a loop over range(10**18) is no crash; stop it at its next statement
            worker.join(PATIENCE_MS);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        if (escaped.get() != null) {
            throw new AssertionError("a Java exception escaped the run of:\n" + source, escaped.get());
        }
        assertFalse(errors.contains("internal error"), () -> errors + "\nfrom:\n" + source);
    }

    @Provide
    Arbitrary<String> hostilePrograms() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1 << 20), Arbitraries.integers().between(0, 1 << 20))
                .as((kind, a, b) -> new int[] {kind, a, b});
        return Combinators.combine(Arbitraries.of(programs()), edit.list().ofMinSize(1).ofMaxSize(3))
                .as((program, edits) -> {
                    String result = program;
                    for (int[] e : edits) {
                        result = apply(result, e[0], e[1], e[2]);
                    }
                    return result;
                });
    }

    private static String apply(String source, int kind, int a, int b) {
        return switch (kind) {
            case 0 -> replaceOne(source, NUMBER, a, EXTREME_NUMBERS.get(b % EXTREME_NUMBERS.size()));
            case 1 -> {
                List<String> names = matches(source, NAME);
                yield names.isEmpty() ? source : replaceOne(source, NAME, a, names.get(b % names.size()));
            }
            case 2 -> replaceOne(source, OPERATOR, a, OPERATORS[b % OPERATORS.length]);
            case 3 -> {
                List<String> lines = new ArrayList<>(source.lines().toList());
                int i = a % lines.size();
                lines.add(i, lines.get(i));
                yield String.join("\n", lines) + "\n";
            }
            default -> {
                List<String> lines = new ArrayList<>(source.lines().toList());
                lines.remove(a % lines.size());
                yield String.join("\n", lines) + "\n";
            }
        };
    }

    private static String replaceOne(String source, Pattern pattern, int which, String with) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return source;
        }
        int[] span = spans.get(which % spans.size());
        return source.substring(0, span[0]) + with + source.substring(span[1]);
    }

    private static List<String> matches(String source, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The golden programs, the examples and the recorded fixture programs: real code to start from. */
    private static List<String> programs() {
        List<Path> folders = List.of(GoldenProgramsRunTest.programs().isEmpty() ? Path.of("missing")
                : GoldenProgramsRunTest.programs().get(0).getParent(), Path.of("").toAbsolutePath().getParent()
                .resolve("examples"), Path.of("src/test/resources/fixtures/python/programs"));
        List<String> sources = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    String text = Files.readString(p);
                    if (!text.contains("range(20000)") && !text.contains("20_000")) { // long by design
                        sources.add(text);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException("no programs to start from");
        }
        return sources;
    }
}
