package org.gradviz.app.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.document.TensorSource;
import org.junit.jupiter.api.Test;

/**
 * An imported module's parameters are named after torch's names for them, not after the loop variable the tutorials
 * update them through ({@code for param in model.parameters(): param -= learning_rate * param.grad}), which made them
 * {@code param}, {@code param_2}, ...: nn.Linear's own as a Sequential's are ({@code weight1}, {@code bias1}, then
 * {@code weight2}, ...), an nn.Parameter after the module attribute it was assigned to.
 */
class ModuleParameterNamesTest {

    private static GraphDocument importProgram(String name) throws Exception {
        Path p = Path.of(ModuleParameterNamesTest.class.getResource("/fixtures/python/programs/" + name + ".py")
                .toURI());
        return new ScriptImporter().importCell(Files.readString(p, StandardCharsets.UTF_8), name + ".py");
    }

    private static List<String> parameters(GraphDocument d) {
        return d.tensors().stream().filter(t -> t.role() == TensorRole.PARAMETER).map(TensorSource::name).toList();
    }

    @Test
    void thePolynomialNnTutorialsLinearLayerHasAWeightAndABias() throws Exception {
        assertEquals(List.of("weight1", "bias1"), parameters(importProgram("n92_tutorial_polynomial_nn_sin_full")));
    }

    @Test
    void theTwoLayerNnTutorialsLayersHaveTheirWeightsAndBiasesInLayerOrder() throws Exception {
        assertEquals(List.of("weight1", "bias1", "weight2", "bias2"),
                parameters(importProgram("n90_tutorial_two_layer_net_nn")));
    }

    @Test
    void anNnParameterOfACustomModuleIsNamedAfterItsAttribute() throws Exception {
        GraphDocument d = new ScriptImporter().importCell("""
                import torch
                class Scale(torch.nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.a = torch.nn.Parameter(torch.tensor([2.0, 3.0]))
                    def forward(self, x):
                        return self.a * x
                model = Scale()
                x = torch.tensor([1.0, 4.0])
                for step in range(2):
                    loss = model(x).sum()
                    loss.backward()
                    with torch.no_grad():
                        for param in model.parameters():
                            param -= 0.1 * param.grad
                """, "cell.py");
        assertEquals(List.of("a"), parameters(d));
    }

    @Test
    void aVariableTheCellNamesATensorWithIsKeptForTensorsThatAreNotModuleParameters() throws Exception {
        GraphDocument d = new ScriptImporter().importCell("""
                import torch
                w = torch.randn(3, requires_grad=True)
                for p in [w]:
                    pass
                loss = (w * w).sum()
                """, "cell.py");
        assertEquals(List.of("w"), parameters(d));
    }
}
