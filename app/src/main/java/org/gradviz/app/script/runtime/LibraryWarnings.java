package org.gradviz.app.script.runtime;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The warnings torch's own Python code gives with {@code warnings.warn(message)}: Python shows them at torch's file
 * and line (where the reference torch 1.13 is installed), with that line's source, once per place and message under
 * its default filter, e.g. {@code F.sigmoid}'s deprecation. The runner installs where they are printed, per thread.
 */
final class LibraryWarnings {
    /** torch/nn/functional.py of the torch the fixtures come from. */
    static final String FUNCTIONAL = "/usr/lib/python3/dist-packages/torch/nn/functional.py";

    private static final ThreadLocal<Consumer<String>> SINK = ThreadLocal.withInitial(() -> text -> { });
    private static final ThreadLocal<Set<String>> SHOWN = ThreadLocal.withInitial(HashSet::new);

    private LibraryWarnings() {
    }

    /** Installs this thread's printer of warning texts; returns the one it replaces. Each run shows them anew. */
    static Consumer<String> install(Consumer<String> sink) {
        Consumer<String> previous = SINK.get();
        SINK.set(sink);
        SHOWN.get().clear();
        return previous;
    }

    /** {@code warnings.warn(message)} (a UserWarning) written at line {@code line} of torch's {@code file}. */
    static void warn(String file, int line, String message) {
        warn(file, line, message, "warnings.warn(\"" + message + "\")");
    }

    /** The same, where the call spans several lines of torch's source: Python shows only {@code sourceLine}. */
    static void warn(String file, int line, String message, String sourceLine) {
        String place = file + ":" + line;
        if (SHOWN.get().add(place + "\n" + message)) {
            SINK.get().accept(place + ": UserWarning: " + message + "\n  " + sourceLine + "\n");
        }
    }
}
