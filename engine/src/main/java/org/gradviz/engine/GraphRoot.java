package org.gradviz.engine;

import java.util.List;

/**
 * The node a backward pass from several outputs starts at, as PyTorch's {@code GraphRoot}: it hands each output's
 * seed gradient to that output's edge.
 */
final class GraphRoot extends Node {
    private final Tensor[] seeds;

    GraphRoot(List<Edge> roots, List<Tensor> seeds) {
        setNextEdges(roots);
        this.seeds = seeds.toArray(new Tensor[0]);
    }

    @Override
    public String name() {
        return "GraphRoot";
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        return seeds.clone();
    }

    @Override
    protected Tensor[] applyDifferentiable(Tensor[] gradOutputs) {
        return apply(gradOutputs);
    }
}
