package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.Theme;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seed network presented on a 1280x720 projector (this class runs in the "projector" surefire execution) at
 * 200 % text, its backward pass stepped as in a lecture: at every step each edge that has carried a gradient shows
 * its gradient's label, none over a box, another label or any edge. Before, the packed layout left room beside only
 * the w -> xw edge: the labels of xw -> z, b -> z and z -> loss were hidden, and w -> xw's lay over xw -> z's line.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LectureLabelsProjectorGuiTest extends FittedExampleTest {

    LectureLabelsProjectorGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyEdgeThatCarriedAGradientShowsItsLabelClearOfBoxesLabelsAndEdgesAtEveryStep(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        LectureKeys.present(robot);
        LectureKeys.networkViewOnly(robot);
        LectureKeys.largerText(robot, 5); // 110, 125, 150, 175, 200 %
        assertEquals(2.0, model.display().fontScale(), 1e-9);
        WaitForAsyncUtils.sleep(1000, TimeUnit.MILLISECONDS); // packed for the screen again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1280, stage.getScene().getWidth(), 0.5);
        robot.type(KeyCode.HOME);
        List<String> problems = new ArrayList<>();
        int carried = 0;
        for (int step = 1; step <= 18; step++) {
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            int at = step;
            int[] count = new int[1];
            robot.interact(() -> {
                count[0] = EdgeLabelChecks.carriedWithoutLabel(view.canvas(), problems, "step " + at);
                EdgeLabelOverlaps.of(view.canvas()).forEach(p -> problems.add("step " + at + ": " + p));
                EdgeLabelChecks.labelsOverEdges(view.canvas()).forEach(p -> problems.add("step " + at + ": " + p));
            });
            carried = Math.max(carried, count[0]);
        }
        for (Theme theme : Theme.values()) {
            robot.interact(() -> model.display().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                    "lecture-labels-1280x720-200pct-" + theme.id() + ".png")));
        }
        // w -> xw, xw -> z, b -> z and z -> loss carry gradients; x and y need none
        assertEquals(4, carried, "edges that carried a gradient by the end of the pass");
        assertEquals(List.of(), problems);
    }
}
