package org.gradviz.app.cli;

/** A problem with what the user gave a command: reported in one line naming the place and the fix, exit code 2. */
final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
        super(message);
    }
}
