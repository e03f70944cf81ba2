package org.gradviz.app.files;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A fresh preferences node per test, removed afterwards. */
final class TestPreferences {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestPreferences() {
    }

    static Preferences fresh() {
        return Preferences.userRoot().node("org/gradviz/test/files-" + ProcessHandle.current().pid() + "-"
                + NEXT.incrementAndGet());
    }

    static void remove(Preferences node) {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
