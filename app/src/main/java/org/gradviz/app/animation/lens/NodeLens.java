package org.gradviz.app.animation.lens;

import java.util.List;

/** The lens of one kind of backward node, found by its PyTorch name. */
interface NodeLens {

    /** The node's PyTorch name, e.g. {@code MmBackward0}. */
    String nodeName();

    /** The rule in symbols, for every input. */
    String rule(LensContext c);

    /** The terms of one run whose upstream gradient ({@code grad}) arrived. */
    List<InputTerm> terms(NodeRun run, LensContext c, LensValue upstream);

    /** False for the fallback that shows gradients without a rule. */
    default boolean derived() {
        return true;
    }
}
