package org.gradviz.app.script.format;

/** A field wider than memory can hold: Python fails to allocate it, a MemoryError. */
public final class FormatTooLargeException extends RuntimeException {

    public FormatTooLargeException() {
        super("a formatted field wider than memory can hold", null, false, false);
    }
}
