package org.gradviz.app.cli;

/** The main window cannot be opened on this machine; the message says why and what to do. */
public final class WindowUnavailableException extends RuntimeException {

    public WindowUnavailableException(String message) {
        super(message);
    }
}
