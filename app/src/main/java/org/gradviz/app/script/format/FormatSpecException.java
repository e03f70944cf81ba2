package org.gradviz.app.script.format;

/** A format spec Python would reject with a ValueError; the message is Python's. */
public final class FormatSpecException extends IllegalArgumentException {

    public FormatSpecException(String message) {
        super(message);
    }
}
