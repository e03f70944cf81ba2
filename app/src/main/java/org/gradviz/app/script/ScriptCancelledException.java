package org.gradviz.app.script;

/**
 * A run stopped because its thread was interrupted (Cancel while a cell imports). It is not a Python exception:
 * it is no {@code PyError}, so nothing in the program or the interpreter turns it into one, and it leaves the run
 * at the next statement with nothing half done.
 */
public final class ScriptCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScriptCancelledException() {
        super("the run was cancelled", null, false, false);
    }

    /** Throws when the current thread has been interrupted; the interrupt stays set for the thread's owner. */
    public static void throwIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ScriptCancelledException();
        }
    }
}
