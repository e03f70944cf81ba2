package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.gradviz.app.document.Theme;
import org.gradviz.app.editor.DisplaySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The theme and text size chosen in one session are there in the next. */
class DisplayMemoryTest {
    private final Preferences node = Preferences.userRoot().node("gradviz-tests/display-" + UUID.randomUUID());

    @AfterEach
    void forget() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aNewWindowStartsWithTheLastThemeAndTextSize() {
        DisplaySettings first = new DisplaySettings();
        new DisplayMemory(node).remember(first);
        assertEquals(Theme.LIGHT, first.theme(), "nothing remembered yet");
        first.themeProperty().set(Theme.HIGH_CONTRAST);
        first.largerText();
        first.largerText();

        DisplaySettings next = new DisplaySettings();
        new DisplayMemory(node).remember(next);

        assertEquals(Theme.HIGH_CONTRAST, next.theme());
        assertEquals(1.25, next.fontScale(), 1e-9);
    }

    @Test
    void aDamagedValueFallsBackToTheDefault() {
        node.put("theme", "sepia");
        node.put("font-scale", "huge");
        DisplaySettings display = new DisplaySettings();
        new DisplayMemory(node).remember(display);
        assertEquals(Theme.LIGHT, display.theme());
        assertEquals(1.0, display.fontScale(), 1e-9);
    }
}
