package org.gradviz.app.animation.lens;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gradviz.app.animation.TraceEvent.GradientSent;

/**
 * A lens made of one {@link InputRule} per input, in {@code next_functions} order; its rule is theirs joined
 * ({@code ∂/∂self = grad · other,  ∂/∂other = grad · self}).
 */
record RuleLens(String nodeName, List<InputRule> inputs) implements NodeLens {

    RuleLens {
        inputs = List.copyOf(inputs);
    }

    static RuleLens of(String nodeName, InputRule... inputs) {
        return new RuleLens(nodeName, List.of(inputs));
    }

    @Override
    public String rule(LensContext c) {
        return inputs.stream().map(i -> i.equation(c)).collect(Collectors.joining(ChainRuleView.RULE_SEPARATOR));
    }

    @Override
    public List<InputTerm> terms(NodeRun run, LensContext c, LensValue upstream) {
        List<InputTerm> terms = new ArrayList<>();
        for (GradientSent sent : run.sent()) {
            if (sent.inputIndex() >= inputs.size()) {
                terms.add(GenericLens.term(sent, upstream));
                continue;
            }
            InputRule input = inputs.get(sent.inputIndex());
            Derivation d = input.derivative().derive(c, InputMeta.of(sent.grad()));
            terms.add(new InputTerm(sent.inputIndex(), input.input(), input.formula().apply(c) + d.shapeNote(),
                    upstream, d.local(), LensValue.of("∂/∂" + input.input(), d.product()), sent.grad()));
        }
        return terms;
    }
}
