package org.gradviz.engine;

/**
 * Something PyTorch does that gradviz's engine does not (yet): the runner reports it as "not supported by gradviz",
 * never as an error PyTorch would not raise.
 */
public final class NotSupportedException extends RuntimeException {
    private final String construct;

    /** @param construct what is not supported, quoted as the message shows it: {@code 'create_graph=True' ...} */
    public NotSupportedException(String construct) {
        super(construct + " is not supported by gradviz");
        this.construct = construct;
    }

    public String construct() {
        return construct;
    }
}
