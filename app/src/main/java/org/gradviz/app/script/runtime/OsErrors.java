package org.gradviz.app.script.runtime;

import java.io.IOException;
import java.util.Map;

/**
 * A failed write as the Python exception CPython raises for it: {@code OSError: [Errno 28] No space left on
 * device}. Java gives the system's message (strerror) without the number, so the usual ones are looked up here.
 */
final class OsErrors {
    private record Errno(int number, String pythonType) {
    }

    private static final Map<String, Errno> BY_MESSAGE = Map.of(
            "No space left on device", new Errno(28, "OSError"),
            "Broken pipe", new Errno(32, "BrokenPipeError"),
            "Input/output error", new Errno(5, "OSError"),
            "Bad file descriptor", new Errno(9, "OSError"),
            "Disk quota exceeded", new Errno(122, "OSError"),
            "File too large", new Errno(27, "OSError"));

    private OsErrors() {
    }

    static PyError of(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Errno errno = BY_MESSAGE.get(message);
        return errno == null ? new PyError("OSError", message)
                : new PyError(errno.pythonType(), "[Errno " + errno.number() + "] " + message);
    }
}
