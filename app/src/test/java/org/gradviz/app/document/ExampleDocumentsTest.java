package org.gradviz.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gradviz.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExampleDocumentsTest {
    private final DocumentReader reader = new DocumentReader();
    private final DocumentWriter writer = new DocumentWriter();

    static Stream<Path> documents() {
        return Examples.documents().stream();
    }

    @Test
    void everyExampleNamedInTheIssueExistsWithItsPythonCell() {
        for (String name : List.of("one-layer-bce", "scalar-logistic", "square", "sin-of-square", "cubic-mean",
                "eye-pow-transpose", "mlp-two-layer")) {
            assertTrue(Files.isRegularFile(Examples.file(name + ".json")), name + ".json");
            assertTrue(Files.isRegularFile(Examples.file(name + ".py")), name + ".py");
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void loadSaveLoadGivesTheSameDocument(Path file) {
        GraphDocument first = reader.read(file);
        String saved = writer.toJson(first);
        GraphDocument second = reader.parse(saved);
        assertEquals(first, second);
        assertEquals(saved, writer.toJson(second), "saving is stable");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void compilesAndRunsBackwardToEveryLeafThatRequiresGrad(Path file) {
        GraphDocument document = reader.read(file);
        CompiledDocument compiled = new DocumentCompiler().compile(document);
        assertNotNull(compiled.output().gradFn(), "output has a grad_fn");
        compiled.backward();
        for (TensorSource source : document.tensors()) {
            Tensor t = compiled.tensor(source.name());
            if (source.requiresGrad()) {
                assertNotNull(t.gradOrNull(), source.name() + ".grad");
                assertEquals(t.shape(), t.gradOrNull().shape());
            }
        }
    }

    @Test
    void oneLayerLossAndGradientsEqualPyTorchSeed0() {
        GoldenCases.SeedNet golden = GoldenCases.SeedNet.load();
        CompiledDocument compiled = new DocumentCompiler().compile(reader.read(Examples.file("one-layer-bce.json")));
        compiled.backward();

        assertEquals(golden.loss(), compiled.output().item(), 1e-6 * Math.abs(golden.loss()));
        assertEquals("BinaryCrossEntropyWithLogitsBackward0", compiled.output().gradFn().name());
        assertClose(golden.wGrad(), compiled.tensor("w").gradOrNull().data());
        assertClose(golden.bGrad(), compiled.tensor("b").gradOrNull().data());
        assertClose(golden.w(), compiled.tensor("w").data());
    }

    @Test
    void scalarLogisticGradientIsPredictionMinusTargetTimesInput() {
        CompiledDocument compiled = new DocumentCompiler().compile(reader.read(Examples.file("scalar-logistic.json")));
        compiled.backward();
        double p = compiled.tensor("y_pred").item();
        assertEquals((p - 1.0) * 1.5, compiled.tensor("w").gradOrNull().item(), 1e-6);
        assertEquals(p - 1.0, compiled.tensor("b").gradOrNull().item(), 1e-6);
    }

    @Test
    void squareGradientAtFourIsEight() {
        CompiledDocument compiled = new DocumentCompiler().compile(reader.read(Examples.file("square.json")));
        compiled.backward();
        assertEquals(8.0, compiled.tensor("x").gradOrNull().item());
        assertEquals("PowBackward0", compiled.output().gradFn().name());
    }

    @Test
    void cubicMeanGradientMatchesTheHandDerivation() {
        CompiledDocument compiled = new DocumentCompiler().compile(reader.read(Examples.file("cubic-mean.json")));
        compiled.backward();
        double[] x = compiled.tensor("x").data();
        double[] g = compiled.tensor("x").gradOrNull().data();
        for (int i = 0; i < x.length; i++) {
            assertEquals((3 * x[i] * x[i] + 6 * x[i] - 4) / 3, g[i], 1e-4);
        }
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.max(1, Math.abs(expected[i])), "element " + i);
        }
    }
}
