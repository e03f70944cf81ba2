package org.gradviz.app.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads cases of {@code ../shared/golden/autograd-cases.json}, the values real PyTorch 1.13 produced. */
public final class GoldenCases {
    private GoldenCases() {
    }

    public static JsonNode find(String name) {
        try {
            JsonNode root = new ObjectMapper().readTree(Examples.golden().resolve("autograd-cases.json").toFile());
            for (JsonNode c : root.get("cases")) {
                if (c.get("name").asText().equals(name)) {
                    return c;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no golden case " + name);
    }

    /** The value of forward tensor {@code name} of a case. */
    public static JsonNode forward(JsonNode goldenCase, String name) {
        for (JsonNode f : goldenCase.get("forward")) {
            if (f.get("name").asText().equals(name)) {
                return f.get("values");
            }
        }
        throw new AssertionError("no forward value " + name);
    }

    /** Nested JSON lists of numbers in row-major order. */
    public static double[] flatten(JsonNode values) {
        List<Double> out = new ArrayList<>();
        flattenInto(values, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flattenInto(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            node.forEach(n -> flattenInto(n, out));
        } else {
            out.add(node.asDouble());
        }
    }

    /** The seed network of the PyTorch tutorial with manual_seed(0), float32. */
    public record SeedNet(double loss, double[] w, double[] wGrad, double[] bGrad) {
        public static SeedNet load() {
            JsonNode c = find("a_one_layer_seed0__float32");
            return new SeedNet(forward(c, "loss").asDouble(), flatten(c.get("inputs").get(2).get("values")),
                    flatten(c.get("grads").get("w")), flatten(c.get("grads").get("b")));
        }
    }
}
