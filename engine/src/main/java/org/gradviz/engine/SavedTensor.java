package org.gradviz.engine;


/**
 * A tensor a backward node keeps for its chain rule. A backward without {@code retain_graph} frees it;
 * reading it afterwards raises PyTorch's error, which is what makes a second backward fail.
 */
public final class SavedTensor {
    static final String FREED_MESSAGE = "Trying to backward through the graph a second time (or directly access saved "
            + "tensors after they have already been freed). Saved intermediate values of the graph are freed when you "
            + "call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph "
            + "a second time or if you need to access saved tensors after calling backward.";

    private Tensor value;
    private final boolean isOutput;
    private final int savedVersion;
    /** For an output: the node that saved it, its grad_fn then (the message names it, as torch's). */
    private final Node owner;

    private SavedTensor(Tensor value, boolean isOutput, Node owner) {
        this.value = value;
        this.isOutput = isOutput;
        this.savedVersion = value.version();
        this.owner = owner;
    }

    /** Saves an input of the op (PyTorch saves its data, not the graph edge). */
    public static SavedTensor of(Tensor value) {
        return new SavedTensor(value, false, null);
    }

    /** Saves the op's own output (e.g. sigmoid's {@code result}). */
    public static SavedTensor ofOutput(Tensor value) {
        return new SavedTensor(value, true, null);
    }

    /** Saves {@code owner}'s own output, which the "modified by an inplace operation" error names it the output of. */
    static SavedTensor ofOutput(Tensor value, Node owner) {
        return new SavedTensor(value, true, owner);
    }

    /**
     * The saved tensor; PyTorch's "backward a second time" error once freed, and its "modified by an
     * inplace operation" error when the tensor changed in place after it was saved.
     */
    public Tensor unpack() {
        if (value == null) {
            throw TorchException.runtime(FREED_MESSAGE);
        }
        if (value.version() != savedVersion) {
            throw TorchException.runtime(modifiedMessage());
        }
        return value;
    }

    private String modifiedMessage() {
        String type = value.dtype().legacyTypeName();
        Node producer = owner != null ? owner : value.gradFn();
        String origin = producer == null ? "" : ", which is output 0 of " + producer.name() + ",";
        return "one of the variables needed for gradient computation has been modified by an inplace operation: ["
                + type + " " + value.shape().listText() + "]" + origin + " is at version " + value.version()
                + "; expected version " + savedVersion + " instead. Hint: enable anomaly detection to find the "
                + "operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).";
    }

    /**
     * The saved tensor as it is now, for showing it (no version check); null once freed. Use {@link #unpack()}
     * for the chain rule.
     */
    public Tensor peek() {
        return value;
    }

    public boolean isReleased() {
        return value == null;
    }

    /** True when this is the node's own output rather than one of its inputs. */
    public boolean isOutput() {
        return isOutput;
    }

    /**
     * For an input that is {@code t}, which an in-place op is about to overwrite with its result: a copy of its values
     * now, as torch's in-place ops save {@code self.clone()} for their chain rule.
     */
    void snapshotIf(Tensor t) {
        if (!isOutput && value == t) {
            value = t.detachedCopy();
        }
    }

    void release() {
        value = null;
    }
}
