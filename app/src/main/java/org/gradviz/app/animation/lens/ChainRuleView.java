package org.gradviz.app.animation.lens;

import java.util.List;

/**
 * The chain rule of one backward node with the numbers of one run, for a panel to display.
 *
 * @param nodeId the node's number in the recording
 * @param title the node's PyTorch name ({@code MmBackward0})
 * @param rule the rule in symbols for every input ({@code ∂/∂self = grad @ mat2ᵀ,  ∂/∂mat2 = selfᵀ @ grad});
 *     empty for a node gradviz has no lens for
 * @param upstream the gradient that arrived ({@code grad}), null when none did
 * @param contributions what {@code grad} was summed from: the backward's seed at the root, else one value per
 *     gradient that arrived along an edge (two or more where a tensor was used twice)
 * @param terms one per input the node sent a gradient to, in input order
 * @param note a sentence about this run ({@code grad is the sum of 2 incoming gradients}), empty when none
 * @param derived true when the products come from the rule; false for an unknown node, whose products are
 *     simply the gradients it sent
 */
public record ChainRuleView(int nodeId, String title, String rule, LensValue upstream,
        List<LensValue> contributions, List<InputTerm> terms, String note, boolean derived) {

    /** Between the rules of two inputs in {@link #rule}. */
    public static final String RULE_SEPARATOR = ",  ";

    public ChainRuleView {
        contributions = List.copyOf(contributions);
        terms = List.copyOf(terms);
    }

    /** The rule, one line per input ({@code ∂/∂self = grad @ mat2ᵀ}, {@code ∂/∂mat2 = selfᵀ @ grad}). */
    public List<String> ruleLines() {
        return rule.isEmpty() ? List.of() : List.of(rule.split(java.util.regex.Pattern.quote(RULE_SEPARATOR)));
    }
}
