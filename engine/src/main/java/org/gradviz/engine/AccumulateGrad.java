package org.gradviz.engine;


/**
 * The sink of the backward pass for a leaf tensor that requires grad: the only place that writes
 * {@code .grad}. The first gradient becomes {@code .grad}; later ones are added to it in place.
 */
public final class AccumulateGrad extends Node implements FreshOrGivenGradients {
    private final Tensor variable;

    AccumulateGrad(Tensor variable) {
        super(Long.MAX_VALUE);
        this.variable = variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    /** The leaf tensor whose {@code .grad} this node writes. */
    public Tensor variable() {
        return variable;
    }

    @Override
    protected Tensor[] applyDifferentiable(Tensor[] gradOutputs) {
        return apply(gradOutputs);
    }

    @Override
    protected Tensor[] apply(Tensor[] gradOutputs) {
        Tensor incoming = gradOutputs[0];
        if (incoming == null) {
            return new Tensor[0];
        }
        Tensor before = variable.gradOrNull();
        Tensor snapshot = Autograd.hasListeners() && before != null ? before.detachedCopy() : null;
        if (GradMode.isEnabled()) {
            // backward(create_graph=True): .grad keeps the graph of the gradient, and a second one is added to it
            // out of place, as PyTorch does
            if (before != null) {
                variable.setGradInternal(before.add(incoming));
            } else {
                variable.setGradInternal(incoming.requiresGrad() ? org.gradviz.engine.ops.Views.copy(incoming)
                        : incoming.detachedCopy());
            }
        } else if (before == null) {
            variable.setGradInternal(incoming.detachedCopy());
        } else {
            before.addInPlaceInternal(incoming);
        }
        Autograd.fireAccumulated(variable, snapshot, variable.gradOrNull());
        return new Tensor[0];
    }
}
