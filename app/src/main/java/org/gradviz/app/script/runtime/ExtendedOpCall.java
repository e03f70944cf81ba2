package org.gradviz.app.script.runtime;

/**
 * A name of an op table row that the runner also calls with arguments the row has no attribute for
 * ({@code torch.div(..., rounding_mode=...)}, {@code F.relu(x, inplace=True)},
 * {@code F.binary_cross_entropy_with_logits(..., pos_weight=...)}): {@code call} runs such calls itself and leaves
 * every other call to {@code row}, so the name still runs its row.
 */
record ExtendedOpCall(OpCall row, PyCallable call) implements PyCallable {
    @Override
    public Object call(Args args) {
        return call.call(args);
    }
}
