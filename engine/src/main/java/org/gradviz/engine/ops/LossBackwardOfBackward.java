package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * The chain rule of a loss's backward op of (grad_output, self, target), as torch records it under create_graph:
 * {@code MseLossBackwardBackward0}, {@code BinaryCrossEntropyBackwardBackward0}. All three are saved; each input's
 * gradient is a rule written with recorded ops, so a third derivative can go back through it too.
 */
final class LossBackwardOfBackward extends Node {
    /** One input's gradient from the incoming {@code grad} and the saved tensors. */
    interface Rule {
        Tensor apply(Tensor grad, Tensor gradOutput, Tensor self, Tensor target);
    }

    private final String name;
    private final SavedTensor gradOutput;
    private final SavedTensor self;
    private final SavedTensor target;
    private final Reduction reduction;
    private final boolean takesWeight;
    private final Rule[] rules;

    /**
     * @param takesWeight whether the loss has a {@code weight} argument (saved as None, as torch shows it)
     * @param rules the gradients for grad_output, self and target, in that order
     */
    LossBackwardOfBackward(String name, Tensor gradOutput, Tensor self, Tensor target, Reduction reduction,
            boolean takesWeight, Rule... rules) {
        this.name = name;
        this.gradOutput = save(gradOutput);
        this.self = save(self);
        this.target = save(target);
        this.reduction = reduction;
        this.takesWeight = takesWeight;
        this.rules = rules;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] apply(Tensor[] grads) {
        Tensor go = gradOutput.unpack();
        Tensor x = self.unpack();
        Tensor t = target.unpack();
        Tensor[] out = new Tensor[rules.length];
        for (int i = 0; i < rules.length; i++) {
            out[i] = needsInputGrad(i) ? rules[i].apply(grads[0], go, x, t) : null;
        }
        return out;
    }

    @Override
    protected Tensor[] applyDifferentiable(Tensor[] grads) {
        return apply(grads);
    }

    @Override
    protected void collectSaved(Map<String, Object> out) {
        out.put("grad_output", gradOutput);
        out.put("reduction", (long) reduction.ordinal());
        out.put("self", self);
        out.put("target", target);
        if (takesWeight) {
            out.put("weight", null);
        }
    }
}
