package org.gradviz.engine.ops;

import java.util.Map;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;
import org.gradviz.engine.Tensor;

/**
 * The chain rule of a backward op of (grad_output, output), as torch records it under create_graph:
 * {@code TanhBackwardBackward0}, {@code SigmoidBackwardBackward0}, {@code SoftmaxBackwardDataBackward0},
 * {@code LogSoftmaxBackwardDataBackward0}. Both are saved; each input's gradient is a rule of (grad, grad_output,
 * output), written with recorded ops, so a third derivative can go back through it too.
 */
final class BackwardOfBackward extends Node {
    /** One input's gradient from the incoming {@code grad} and the saved tensors. */
    interface Rule {
        Tensor apply(Tensor grad, Tensor gradOutput, Tensor output);
    }

    private final String name;
    private final SavedTensor gradOutput;
    private final SavedTensor output;
    private final Integer dim;
    private final Rule gradOutputRule;
    private final Rule outputRule;

    /** @param dim the softmax dimension, saved as torch saves it, or null */
    BackwardOfBackward(String name, Tensor gradOutput, Tensor output, Integer dim, Rule gradOutputRule,
            Rule outputRule) {
        this.name = name;
        this.gradOutput = save(gradOutput);
        this.output = save(output);
        this.dim = dim;
        this.gradOutputRule = gradOutputRule;
        this.outputRule = outputRule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] apply(Tensor[] grads) {
        Tensor g = grads[0];
        Tensor go = gradOutput.unpack();
        Tensor y = output.unpack();
        return new Tensor[] {
            needsInputGrad(0) ? gradOutputRule.apply(g, go, y) : null,
            needsInputGrad(1) ? outputRule.apply(g, go, y) : null,
        };
    }

    @Override
    protected Tensor[] applyDifferentiable(Tensor[] grads) {
        return apply(grads);
    }

    @Override
    protected void collectSaved(Map<String, Object> out) {
        if (dim != null) {
            out.put("dim", (long) dim);
        }
        out.put("grad_output", gradOutput);
        out.put("output", output);
    }
}
