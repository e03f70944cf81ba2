package org.gradviz.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.autograd.grad} and {@code torch.autograd.backward} over several outputs: the seeds are checked as
 * PyTorch checks them, and one {@link GraphTask} runs from all outputs at once.
 */
public final class Gradients {

    private Gradients() {
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}: the
     * gradient of the outputs with respect to each input (null for an unused input when {@code allowUnused}).
     *
     * @param gradOutputs one per output, null entries for implicit ones (scalar outputs only)
     */
    public static Tensor[] grad(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs,
            boolean retainGraph, boolean createGraph, boolean allowUnused) {
        List<Tensor> seeds = seeds(outputs, gradOutputs);
        List<Edge> inputEdges = new ArrayList<>(inputs.size());
        for (Tensor input : inputs) {
            if (!input.requiresGrad()) {
                throw TorchException.runtime("One of the differentiated Tensors does not require grad");
            }
            inputEdges.add(Autograd.gradientEdge(input));
        }
        Tensor[] result = new GraphTask(retainGraph, createGraph).grad(root(outputs, seeds), rootSeed(seeds),
                inputEdges);
        for (int i = 0; i < result.length; i++) {
            if (result[i] == null && !allowUnused) {
                throw TorchException.runtime("One of the differentiated Tensors appears to not have been used in the "
                        + "graph. Set allow_unused=True if this is the desired behavior.");
            }
        }
        return result;
    }

    /** {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}. */
    public static void backward(List<Tensor> outputs, List<Tensor> gradOutputs, boolean retainGraph,
            boolean createGraph) {
        List<Tensor> seeds = seeds(outputs, gradOutputs);
        if (createGraph) {
            Warnings.warn(Warnings.CREATE_GRAPH_BACKWARD);
        }
        new GraphTask(retainGraph, createGraph).execute(root(outputs, seeds), rootSeed(seeds));
    }

    /** The gradient each output starts with: the given one, or 1 for a one-element output. */
    private static List<Tensor> seeds(List<Tensor> outputs, List<Tensor> gradOutputs) {
        if (gradOutputs.size() != outputs.size()) {
            throw TorchException.runtime("grad requires one grad_output per output: got " + gradOutputs.size()
                    + " grad_outputs and " + outputs.size() + " outputs");
        }
        List<Tensor> seeds = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            Tensor seed = gradOutputs.get(i);
            if (seed == null) {
                if (out.requiresGrad() && out.numel() != 1) {
                    throw TorchException.runtime("grad can be implicitly created only for scalar outputs");
                }
                seed = Torch.onesLike(out);
            } else if (!seed.shape().equals(out.shape())) {
                throw TorchException.runtime("Mismatch in shape: grad_output[" + i + "] has a shape of "
                        + seed.shape() + " and output[" + i + "] has a shape of " + out.shape() + ".");
            }
            if (!out.requiresGrad()) {
                throw TorchException.runtime("element " + i + " of tensors does not require grad and does not have "
                        + "a grad_fn");
            }
            seeds.add(seed);
        }
        return seeds;
    }

    /** The edge the pass starts from: the one output's, or a {@link GraphRoot} over all of them. */
    private static Edge root(List<Tensor> outputs, List<Tensor> seeds) {
        if (outputs.size() == 1) {
            return Autograd.gradientEdge(outputs.get(0));
        }
        List<Edge> edges = new ArrayList<>(outputs.size());
        for (Tensor out : outputs) {
            edges.add(Autograd.gradientEdge(out));
        }
        return new Edge(new GraphRoot(edges, seeds), 0);
    }

    /** What the first node receives: the one seed (a {@link GraphRoot} ignores it and hands out every seed). */
    private static Tensor rootSeed(List<Tensor> seeds) {
        return seeds.get(0);
    }
}
