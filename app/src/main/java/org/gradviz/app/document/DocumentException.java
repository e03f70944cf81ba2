package org.gradviz.app.document;

/**
 * A document that cannot be read, checked or run; the message names the place and what is wrong, in one
 * line, ready to show to the user.
 */
public final class DocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
