package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.gradviz.app.editor.FontScale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Presenting on a 1280x720 projector (pom.xml's "projector" screen), larger text grows the boxes and spreads them
 * apart; the view fits them to the screen again in the same pulse, so no box is drawn off the screen's edge while the
 * packing for the new size is being searched. Before, the fit came in a later runnable.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class TextSizeRefitProjectorGuiTest extends FittedExampleTest {

    TextSizeRefitProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void largerTextKeepsEveryBoxOnTheScreenInTheSamePulse(FxRobot robot) {
        LensClearance.present(robot, view, true, 0);
        for (int press = 0; press < 4; press++) {
            List<String> off = new ArrayList<>();
            robot.interact(() -> {
                double scale = model.display().fontScale();
                model.display().fontScaleProperty().set(FontScale.larger(scale));
                off.addAll(offScreen(robot));
            });
            assertEquals(List.of(), off, "boxes off the screen as the text grew to "
                    + FontScale.percent(model.display().fontScale()));
        }
    }

    /** The boxes not wholly inside the network view. */
    private List<String> offScreen(FxRobot robot) {
        Bounds canvas = view.canvas().localToScene(view.canvas().getLayoutBounds());
        List<String> off = new ArrayList<>();
        for (Node box : robot.lookup(".graph-node").queryAll()) {
            if (box.getId() != null && box.getId().startsWith("node-") && box.isVisible()) {
                Bounds b = box.localToScene(box.getBoundsInLocal());
                if (b.getMinX() < canvas.getMinX() - 1 || b.getMinY() < canvas.getMinY() - 1
                        || b.getMaxX() > canvas.getMaxX() + 1 || b.getMaxY() > canvas.getMaxY() + 1) {
                    off.add(box.getId() + " " + b + " outside " + canvas);
                }
            }
        }
        return off;
    }
}
