package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradviz export PROGRAM.py}: the program runs first, then its graph is drawn. */
class ExportProgramTest {
    private static final Pattern LABEL = Pattern.compile("label=\"((?:[^\"\\\\]|\\\\.)*)\"|label=(\\w+)");

    @TempDir
    Path dir;

    /** Everything the runs of one test wrote on stderr. */
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        ExportRun result = ExportRun.of(dir, args);
        err.append(result.err());
        return result.exitCode();
    }

    private Path program(String name, String source) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, source);
        return file;
    }

    private String exportDot(Path program, String... options) throws Exception {
        Path out = dir.resolve("graph.dot");
        String[] args = new String[3 + options.length + 1];
        args[0] = "export";
        args[1] = program.toString();
        args[2] = "-o";
        args[3] = out.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        assertEquals(0, run(args), err.toString());
        return Files.readString(out);
    }

    private static List<String> labels(String dot) {
        Matcher m = LABEL.matcher(dot);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    @Test
    void theSeedProgramDrawsTheSameGraphAsItsDocument() throws Exception {
        String fromProgram = exportDot(Examples.file("one-layer-bce.py"));
        String fromDocument = exportDot(Examples.file("one-layer-bce.json"));
        assertEquals(fromDocument, fromProgram);
        // torchviz's make_dot(loss, params={"w": w, "b": b}): leaves named after the variables
        assertTrue(labels(fromProgram).containsAll(List.of("w\n (5, 3)", "b\n (3)",
                "BinaryCrossEntropyWithLogitsBackward0", "MmBackward0", "SqueezeBackward3")), fromProgram);
    }

    @Test
    void withoutLossTheLastTensorVariableWithAGradFnIsTheRoot() throws Exception {
        Path p = program("no_loss.py", """
                import torch
                a = torch.ones(2, requires_grad=True)
                b = a * 2
                c = b.sum()
                d = torch.zeros(2)
                """);
        String dot = exportDot(p);
        assertTrue(labels(dot).contains("SumBackward0"), dot);
        String rootB = exportDot(p, "--root", "b");
        assertFalse(labels(rootB).contains("SumBackward0"), rootB);
        assertTrue(labels(rootB).containsAll(List.of("MulBackward0", "a\n (2)", "\n (2)")), rootB);
    }

    @Test
    void tensorsKeptInAListAreNamedByTheirPlace() throws Exception {
        Path p = program("listed.py", """
                import torch
                params = [torch.ones(2, requires_grad=True), torch.ones(2, requires_grad=True)]
                loss = (params[0] * params[1]).sum()
                """);
        List<String> labels = labels(exportDot(p));
        assertTrue(labels.containsAll(List.of("params[0]\n (2)", "params[1]\n (2)")), labels.toString());
    }

    @Test
    void theProgramsOwnOutputIsDiscarded() throws Exception {
        Path p = program("noisy.py", """
                import torch
                a = torch.ones(2, requires_grad=True)
                print("hello from the program")
                loss = (a * a).sum()
                """);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            exportDot(p);
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString());
        assertEquals("", err.toString());
    }

    @Test
    void anErrorInTheProgramIsOneLineWithFileAndLineAndNoOutput() throws Exception {
        Path p = program("bad.py", """
                import torch
                a = torch.ones(2, 3, requires_grad=True)
                b = torch.ones(4, 3)
                loss = torch.matmul(a, b).sum()
                """);
        Path out = dir.resolve("out.png");
        assertEquals(2, run("export", p.toString(), "-o", out.toString()));
        assertEquals("gradviz export: " + p + ":4: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and"
                + " 4x3)", err.toString().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSyntaxErrorIsOneLineWithFileLineAndColumn() throws Exception {
        Path p = program("syntax.py", "import torch\nx = (1 +\n");
        assertEquals(2, run("export", p.toString(), "-o", dir.resolve("g.svg").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("gradviz export: " + p + ":2:"), err.toString());
    }

    @Test
    void aRootThatIsNoTensorOrHasNoGraphIsRefused() throws Exception {
        Path p = program("roots.py", """
                import torch
                n = 3
                a = torch.ones(2, requires_grad=True)
                loss = (a * 2).sum()
                """);
        assertEquals(2, run("export", p.toString(), "-o", dir.resolve("g.dot").toString(), "--root", "n"));
        assertEquals(2, run("export", p.toString(), "-o", dir.resolve("g.dot").toString(), "--root", "a"));
        List<String> lines = err.toString().lines().toList();
        assertEquals(List.of("gradviz export: --root \"n\" names no tensor variable of roots.py",
                "gradviz export: --root \"a\" has no grad_fn, so there is no graph to draw"), lines);
    }

    @Test
    void aProgramWithoutAnyGraphIsRefused() throws Exception {
        Path p = program("flat.py", "import torch\nx = torch.ones(2)\n");
        assertEquals(2, run("export", p.toString(), "-o", dir.resolve("g.dot").toString()));
        assertTrue(err.toString().contains("no tensor variable has a grad_fn"), err.toString());
    }
}
