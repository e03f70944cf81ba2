package org.gradviz.app.animation.lens;

import java.util.List;
import org.gradviz.app.animation.TraceEvent.GradientSent;

/** The fallback for a node gradviz has no lens for: the gradient in and the gradients out, without a formula. */
record GenericLens(String nodeName) implements NodeLens {

    @Override
    public String rule(LensContext c) {
        return "";
    }

    @Override
    public List<InputTerm> terms(NodeRun run, LensContext c, LensValue upstream) {
        return run.sent().stream().map(sent -> term(sent, upstream)).toList();
    }

    @Override
    public boolean derived() {
        return false;
    }

    /** What input {@code sent.inputIndex()} received, shown as sent. */
    static InputTerm term(GradientSent sent, LensValue upstream) {
        String input = "input " + sent.inputIndex();
        return new InputTerm(sent.inputIndex(), input, "", upstream, List.of(), LensValue.of("∂/∂" + input, sent.grad()),
                sent.grad());
    }
}
