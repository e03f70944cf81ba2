package org.gradviz.app.render;

/** A graph that could not be laid out or written; the message is one line for the user. */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
