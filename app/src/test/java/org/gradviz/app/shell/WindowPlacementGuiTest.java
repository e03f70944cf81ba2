package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class WindowPlacementGuiTest {

    private final Preferences node = Preferences.userRoot().node("org/gradviz/test/window-placement-" + ProcessHandle.current().pid());

    @AfterEach
    void forget() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void placementSavedOnCloseIsRestoredOnNextStart(FxRobot robot) {
        robot.interact(() -> {
            Stage first = new Stage();
            new WindowPlacement(node).remember(first);
            first.setX(40);
            first.setY(30);
            first.setWidth(700);
            first.setHeight(500);
            first.show();
            first.hide();
        });

        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new WindowPlacement(node).remember(second[0]);
        });

        assertEquals(40, second[0].getX());
        assertEquals(30, second[0].getY());
        assertEquals(700, second[0].getWidth());
        assertEquals(500, second[0].getHeight());
    }

    @Test
    void onFirstStartTheWindowFillsTheScreen(FxRobot robot) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            new WindowPlacement(node).remember(stage[0]);
        });

        // the headless screen is 1920x1080 (surefire's -Dheadless.geometry); a projector gets all of it
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertEquals(1920, screen.getWidth());
        assertEquals(screen.getMinX(), stage[0].getX());
        assertEquals(screen.getMinY(), stage[0].getY());
        assertEquals(screen.getWidth(), stage[0].getWidth());
        assertEquals(screen.getHeight(), stage[0].getHeight());
    }
}
