package org.gradviz.app.bench;

/**
 * A deep residual MLP as a program of the runner's subset: per layer {@code h = tanh(linear(h, w, b)) * 0.5 +
 * h * 0.5}, which gives 10 autograd nodes a layer (AddmmBackward0, TBackward0, TanhBackward0, two MulBackward0,
 * AddBackward0, two AccumulateGrad and the two leaves), so 100 layers make a graph of about 1 000 nodes.
 */
final class MlpProgram {
    private MlpProgram() {
    }

    static String source(int layers, int width) {
        return """
                import torch
                import torch.nn.functional as F

                torch.manual_seed(0)
                weights = []
                biases = []
                for i in range(%1$d):
                    weights.append(torch.randn(%2$d, %2$d, requires_grad=True))
                    biases.append(torch.randn(%2$d, requires_grad=True))
                x = torch.randn(4, %2$d)
                h = x
                for i in range(%1$d):
                    h = torch.tanh(F.linear(h, weights[i], biases[i])) * 0.5 + h * 0.5
                loss = h.pow(2).mean()
                """.formatted(layers, width);
    }
}
