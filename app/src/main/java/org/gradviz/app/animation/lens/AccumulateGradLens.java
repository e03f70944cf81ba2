package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TensorValue;
import org.gradviz.app.animation.TraceEvent.GradAccumulated;

/**
 * The sink of a leaf: the gradient that arrived is added to {@code .grad} (or becomes it when unset). A leaf used
 * twice gets one gradient, the engine's sum of both contributions ({@link ChainRuleView#contributions()}).
 */
final class AccumulateGradLens implements NodeLens {

    @Override
    public String nodeName() {
        return "AccumulateGrad";
    }

    @Override
    public String rule(LensContext c) {
        return gradName(c) + ": before + incoming = after";
    }

    @Override
    public List<InputTerm> terms(NodeRun run, LensContext c, LensValue upstream) {
        GradAccumulated acc = run.accumulated();
        if (acc == null) {
            return List.of();
        }
        TensorValue before = acc.before();
        TensorValue incoming = upstream.value();
        if (before == null) {
            return List.of(new InputTerm(0, gradName(c), "incoming (.grad was None)", upstream, List.of(),
                    LensValue.of("after", incoming), acc.after()));
        }
        TensorValue sum = LensMath.map(before, incoming, Double::sum);
        TensorValue after = LensMath.sumTo(sum, new InputMeta(before.shape(), before.dtype()));
        return List.of(new InputTerm(0, gradName(c), "before + incoming", upstream,
                List.of(LensValue.of("before", before)), LensValue.of("after", after), acc.after()));
    }

    private static String gradName(LensContext c) {
        return (c.variable() == null ? "" : c.variable()) + ".grad";
    }
}
