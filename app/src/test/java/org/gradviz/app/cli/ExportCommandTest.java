package org.gradviz.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gradviz.app.document.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    /** Everything the runs of one test wrote on stderr. */
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        ExportRun result = ExportRun.of(dir, args);
        err.append(result.err());
        return result.exitCode();
    }

    private String example(String name) {
        return Examples.file(name).toString();
    }

    private long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void exportsTheSeedNetAsTorchvizDot() throws Exception {
        Path out = dir.resolve("g.dot");
        assertEquals(0, run("export", example("one-layer-bce.json"), "-o", out.toString(), "--show-saved",
                "--show-attrs"));
        String dot = Files.readString(out);
        assertTrue(dot.contains("BinaryCrossEntropyWithLogitsBackward0\n-------"), dot);
        assertTrue(dot.contains("fillcolor=orange"), dot);
        assertEquals("", err.toString());
    }

    @Test
    void exportsANetworkPngWithTheRequestedOptions() throws Exception {
        Path out = dir.resolve("net.png");
        assertEquals(0, run("export", example("mlp-two-layer.json"), "-o", out.toString(), "--view", "network",
                "--values", "--rankdir", "LR", "--theme", "high-contrast", "--dpi", "120", "--engine", "embedded"));
        assertTrue(ImageIO.read(out.toFile()).getWidth() > 100);
    }

    @Test
    void theNetworkViewOfAPythonCellEqualsThatOfItsDocument() throws Exception {
        Path fromPy = dir.resolve("py.dot");
        Path fromJson = dir.resolve("json.dot");
        assertEquals(0, run("export", example("one-layer-bce.py"), "-o", fromPy.toString(), "--view", "network"));
        assertEquals(0, run("export", example("one-layer-bce.json"), "-o", fromJson.toString(), "--view", "network"));
        assertEquals(Files.readString(fromJson), Files.readString(fromPy));
    }

    @Test
    void aCellTheImporterRefusesGivesOneLineNamingItsLine() throws Exception {
        Path cell = dir.resolve("sliced.py");
        Files.writeString(cell, "import torch\nw = torch.ones(3, requires_grad=True)\nloss = w[0] * 2\n");
        Path out = dir.resolve("g.dot");
        assertEquals(2, run("export", cell.toString(), "-o", out.toString(), "--view", "network"));
        assertTrue(err.toString().contains("sliced.py:3"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void rootPicksAnotherTensor() throws Exception {
        Path out = dir.resolve("z.dot");
        assertEquals(0, run("export", example("one-layer-bce.json"), "-o", out.toString(), "--root", "z"));
        assertFalse(Files.readString(out).contains("BinaryCrossEntropy"));
    }

    @Test
    void aBadDocumentGivesOneLineExitTwoAndNoFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 7}");
        Path out = dir.resolve("out.png");
        assertEquals(2, run("export", bad.toString(), "-o", out.toString()));
        assertEquals("gradviz export: formatVersion 7 is newer than this gradviz (1): update gradviz to open it",
                err.toString().strip());
        assertFalse(Files.exists(out));
        assertEquals(1, filesIn(dir), "no temporary file left behind");
    }

    @Test
    void unknownOutputExtensionsAreRefused() {
        assertEquals(2, run("export", example("square.json"), "-o", dir.resolve("g.gif").toString()));
        assertEquals("gradviz export: " + dir.resolve("g.gif") + ": OUT must end in .png, .svg, .pdf or .dot",
                err.toString().strip());
    }

    @Test
    void anUnknownEngineIsRefused() {
        assertEquals(2, run("export", example("square.json"), "-o", dir.resolve("g.svg").toString(), "--engine",
                "neato"));
        assertEquals("gradviz export: --engine must be auto, dot or embedded, not neato", err.toString().strip());
    }

    @Test
    void aLeafRootAndAMissingFileAreRefused() {
        assertEquals(2, run("export", example("square.json"), "-o", dir.resolve("g.dot").toString(), "--root", "x"));
        assertEquals(2, run("export", dir.resolve("missing.json").toString(), "-o", dir.resolve("g.dot").toString()));
        assertEquals(2, err.toString().lines().count());
    }

    @Test
    void aBadThemeIsRefused() {
        assertEquals(2, run("export", example("square.json"), "-o", dir.resolve("g.dot").toString(), "--theme",
                "neon"));
        assertTrue(err.toString().contains("--theme must be light, dark or high-contrast"), err.toString());
    }

    @Test
    void outputThatIsALinkToTheInputIsRefusedAndTheDocumentKept() throws Exception {
        Path document = Files.copy(Examples.file("one-layer-bce.json"), dir.resolve("doc.json"));
        String before = Files.readString(document);
        Path link = Files.createSymbolicLink(dir.resolve("graph.dot"), document.getFileName());

        assertEquals(2, run("export", document.toString(), "-o", link.toString()));
        assertEquals(before, Files.readString(document));
        assertEquals("gradviz export: -o " + link + " is the input file " + document
                + "; name another file for the output\n", err.toString());
    }
}
