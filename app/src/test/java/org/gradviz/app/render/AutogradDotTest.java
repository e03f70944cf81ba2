package org.gradviz.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.LayoutDirection;
import org.gradviz.app.document.Theme;
import org.gradviz.app.script.runtime.ScriptRunner;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;

class AutogradDotTest {

    private static CompiledDocument oneLayer() {
        return new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
    }

    private static String golden(String name) throws Exception {
        return Files.readString(Examples.golden().resolve("torchviz").resolve(name));
    }

    private static String dot(CompiledDocument c, GraphOptions options) {
        return AutogradDot.render(c.output(), c.tensors(), options);
    }

    @Test
    void plainGraphHasTorchvizStructureAndColours() throws Exception {
        String expected = golden("a_one_layer__plain.norm.dot");
        String actual = dot(oneLayer(), GraphOptions.DEFAULT);
        assertEquals(DotStructure.of(expected), DotStructure.of(actual));
    }

    @Test
    void plainGraphTextEqualsTorchvizUpToIds() throws Exception {
        String expected = golden("a_one_layer__plain.norm.dot");
        assertEquals(expected.strip(), DotStructure.normalizeIds(dot(oneLayer(), GraphOptions.DEFAULT)).strip());
    }

    @Test
    void theSeedProgramsGraphEqualsTorchvizUpToIds() throws Exception {
        // the notebook cell run by the code runner: make_dot(loss, params={"w": w, "b": b}) of the same program
        Path program = Examples.file("one-layer-bce.py");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        ScriptRunner.Outcome run = new ScriptRunner(Files.readString(program), "one-layer-bce.py", program.toString())
                .run(discard, discard);
        assertEquals(0, run.exitCode(), run.problem());
        Tensor loss = (Tensor) run.globals().get("loss");
        String actual = AutogradDot.render(loss, run.globals(), GraphOptions.DEFAULT);
        assertEquals(golden("a_one_layer__plain.norm.dot").strip(), DotStructure.normalizeIds(actual).strip());
    }

    @Test
    void savedTensorsAndAttributesMatchTorchvizShowAttrsShowSaved() throws Exception {
        String expected = golden("a_one_layer__full.norm.dot");
        String actual = dot(oneLayer(), GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true));
        assertEquals(DotStructure.of(expected), DotStructure.of(actual));
        assertEquals(expected.strip(), DotStructure.normalizeIds(actual).strip());
    }

    @Test
    void graphIsStillDrawnWithSavedTensorsAfterBackward() throws Exception {
        CompiledDocument c = oneLayer();
        c.backward();
        String expected = golden("a_one_layer__full.norm.dot");
        String actual = dot(c, GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true));
        assertEquals(DotStructure.of(expected), DotStructure.of(actual));
    }

    @Test
    void valuesShowDataAndGradLikeMicrograd() {
        CompiledDocument c = oneLayer();
        c.backward();
        String actual = dot(c, GraphOptions.DEFAULT.withValues(true));
        assertTrue(actual.contains("label=\"{ b (3) | data [0.1227, -0.5663, 0.3731] | grad [0.2661, 0.1179, 0.0027] }\""),
                actual);
        assertTrue(actual.contains("shape=record"), actual);
        assertTrue(actual.contains("data 0.6819"), actual);
    }

    @Test
    void optionsAddRankdirDpiAndThemeColours() {
        String actual = dot(oneLayer(), GraphOptions.DEFAULT.withRankdir(LayoutDirection.LR).withDpi(150)
                .withTheme(Theme.DARK));
        assertTrue(actual.contains("graph [size=\"12,12\" rankdir=LR dpi=150 bgcolor=\"#1e1f22\""), actual);
        assertTrue(!actual.contains("darkolivegreen1"), "dark theme has its own output colour");
    }

    @Test
    void sameGraphGivesTheSameText() {
        assertEquals(dot(oneLayer(), GraphOptions.DEFAULT), dot(oneLayer(), GraphOptions.DEFAULT));
    }

    /** torchviz's fixture of {@code make_dot(y, params={"x": x})} for {@code y = x * 2.0 * 2.0 ...}, k times. */
    private static String chainOfMultiplications(int k) {
        Tensor x = org.gradviz.engine.Torch.ones(1).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < k; i++) {
            y = y.mul(2.0);
        }
        return DotStructure.normalizeIds(AutogradDot.render(y, java.util.Map.of("x", x), GraphOptions.DEFAULT));
    }

    private static String torchvizChain(int k) throws Exception {
        try (var in = AutogradDotTest.class.getResourceAsStream("/fixtures/torchviz/chain_" + k + ".norm.dot")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aGraphOfSeventyNineStatementsKeepsTorchvizsTwelveInches() throws Exception {
        assertEquals(torchvizChain(37).strip(), chainOfMultiplications(37).strip());
    }

    @Test
    void aGraphOfEightyOneStatementsGrowsAsTorchvizsResizeGraph() throws Exception {
        String actual = chainOfMultiplications(38);
        assertTrue(actual.contains("graph [size=\"12.15,12.15\"]"), "max(12, 81 * 0.15): " + actual.lines().limit(2)
                .toList());
        assertEquals(torchvizChain(38).strip(), actual.strip());
    }

    @Test
    void aChainOfFiveHundredMultiplicationsIsSizedAsTorchvizSizesIt() throws Exception {
        // 2 * 500 + 5 statements at 0.15 inch each: 150.75 inches
        assertEquals(torchvizChain(500).strip(), chainOfMultiplications(500).strip());
    }
}
