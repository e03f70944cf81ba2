package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** retain_graph and no_grad: in the Run menu with keys, and unmistakable when on (a tick and a dark fill). */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunTogglesGuiTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void ctrlShiftRTurnsRetainGraphOnWithATickAndADarkFill(FxRobot robot) {
        ToggleButton toggle = robot.lookup("#toggle-retain-graph").queryAs(ToggleButton.class);
        assertEquals("retain_graph", toggle.getText());
        double offLuminance = luminance(toggle);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);

        assertTrue(model.retainGraphProperty().get());
        assertEquals("✓ retain_graph", toggle.getText());
        // #0550ae behind white text: 0.2126·5/255 + 0.7152·80/255 + 0.0722·174/255 = 0.278, against a pale off state
        assertEquals(0.278, luminance(toggle), 0.001);
        assertTrue(offLuminance > 0.7, "off: " + offLuminance);
    }

    @Test
    void ctrlShiftNTogglesNoGrad(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(model.noGradProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        assertFalse(model.noGradProperty().get());
    }

    /** The relative luminance of the toggle's last background fill (0 black, 1 white). */
    private static double luminance(ToggleButton toggle) {
        Background background = toggle.getBackground();
        Color c = (Color) background.getFills().get(background.getFills().size() - 1).getFill();
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
