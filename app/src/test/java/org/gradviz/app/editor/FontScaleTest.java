package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text size steps: up and down retrace the same sizes, the ends hold, odd values are brought in range. */
class FontScaleTest {
    @Test
    void largerThenSmallerComesBackExactly() {
        double scale = FontScale.NORMAL;
        for (int i = 0; i < 5; i++) {
            scale = FontScale.larger(scale);
        }
        assertEquals(2.0, scale);
        for (int i = 0; i < 5; i++) {
            scale = FontScale.smaller(scale);
        }
        assertEquals(1.0, scale);
    }

    @Test
    void theEndsHoldAndOddValuesAreClamped() {
        assertEquals(3.0, FontScale.larger(3.0));
        assertEquals(0.75, FontScale.smaller(0.75));
        assertEquals(3.0, FontScale.clamp(40));
        assertEquals(1.0, FontScale.clamp(Double.NaN));
        assertEquals(1.25, FontScale.larger(1.12), "between steps: the next one up");
        assertEquals("125%", FontScale.percent(1.25));
    }

    @Test
    void displaySettingsRefuseSizesOutsideTheSteps() {
        DisplaySettings display = new DisplaySettings();
        display.fontScaleProperty().set(10);
        assertEquals(3.0, display.fontScale());
        display.themeProperty().set(null);
        assertEquals(org.gradviz.app.document.Theme.LIGHT, display.theme());
    }
}
