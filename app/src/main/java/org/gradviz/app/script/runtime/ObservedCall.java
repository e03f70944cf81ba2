package org.gradviz.app.script.runtime;

import java.util.List;
import java.util.Map;

/**
 * One call a program made, as a {@link TensorObserver} sees it, in torch's words.
 *
 * @param function the torch name: {@code matmul}, {@code randn}, {@code binary_cross_entropy_with_logits};
 *     operators by their function ({@code x + y} is {@code add}, {@code x @ w} is {@code matmul}, {@code -x} is
 *     {@code neg}); a tensor attribute by its name ({@code T}, {@code data}, {@code grad}); {@code t[i]} is
 *     {@code getitem}
 * @param args the positional arguments in source order; a method's or attribute's tensor comes first, as in
 *     {@code torch.f(t, ...)}, and an operator's operands are {@code [left, right]} even when left is a number
 * @param line the line of the statement that made the call
 */
public record ObservedCall(String function, List<Object> args, Map<String, Object> keywords, Object result,
                           int line) {

    /** The call's arguments for reading them the way the runtime does (by position or keyword). */
    public Args arguments() {
        return new Args(function, args, keywords);
    }
}
