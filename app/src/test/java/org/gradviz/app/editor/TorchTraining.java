package org.gradviz.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What torch 1.13 printed for the seed network of examples/one-layer-bce.py trained 100 rounds of zero_grad,
 * forward, backward, SGD(lr=0.1) step: fixtures/training/one-layer-bce-sgd.json, written by
 * make_training_fixture.py beside it.
 */
public record TorchTraining(double[] losses, double[] w, double[] b, double[] wGrad, List<String> printed,
        String lossRepr, String wRepr, String bRepr) {

    public static TorchTraining load() {
        try (InputStream in = TorchTraining.class.getResourceAsStream("/fixtures/training/one-layer-bce-sgd.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> printed = new ArrayList<>();
            root.get("printed").forEach(line -> printed.add(line.asText()));
            return new TorchTraining(doubles(root.get("losses")), doubles(root.get("w")), doubles(root.get("b")),
                    doubles(root.get("w_grad")), List.copyOf(printed), root.get("loss_repr").asText(),
                    root.get("w_repr").asText(), root.get("b_repr").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
