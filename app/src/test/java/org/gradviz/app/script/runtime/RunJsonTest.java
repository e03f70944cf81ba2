package org.gradviz.app.script.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gradviz.app.script.export.RunJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --json file: tensors by variable name, graphs in depth-first pre-order with leaf variable names. */
class RunJsonTest {

    private static final String PROGRAM = """
            import torch
            x = torch.ones(2)
            w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
            b = torch.zeros(2, requires_grad=True)
            z = torch.matmul(x, w) + b
            loss = z.sum()
            loss.backward()
            n = 3
            """;

    @Test
    void writesTensorsAndGraphs(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.of(PROGRAM);
        Path file = dir.resolve("out.json");
        RunJson.write(run.globals(), file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));

        assertEquals("[\"x\",\"w\",\"b\",\"z\",\"loss\"]",
                new ObjectMapper().writeValueAsString(root.get("tensors").fieldNames()));
        JsonNode w = root.get("tensors").get("w");
        assertEquals("[2,2]", w.get("shape").toString());
        assertEquals("float32", w.get("dtype").asText());
        assertEquals("[[1.0,2.0],[3.0,4.0]]", w.get("values").toString());
        assertEquals(true, w.get("requires_grad").asBoolean());
        assertEquals(true, w.get("is_leaf").asBoolean());
        assertEquals("[[1.0,1.0],[1.0,1.0]]", w.get("grad").toString());
        assertEquals("AddBackward0", root.get("tensors").get("z").get("grad_fn").asText());
        assertEquals(true, root.get("tensors").get("x").get("grad").isNull());

        JsonNode graph = root.get("graphs").get("loss");
        assertEquals(0, graph.get("root").asInt());
        StringBuilder names = new StringBuilder();
        for (JsonNode node : graph.get("nodes")) {
            names.append(node.get("id").asInt()).append(':').append(node.get("name").asText())
                    .append(node.get("next")).append(node.get("variable").isNull() ? "" : "=" + node.get("variable").asText())
                    .append(' ');
        }
        assertEquals("0:SumBackward0[1] 1:AddBackward0[2,5] 2:SqueezeBackward3[3] 3:MmBackward0[null,4] "
                + "4:AccumulateGrad[]=w 5:AccumulateGrad[]=b ", names.toString());
        assertEquals(false, root.get("graphs").has("w"));
    }
}
