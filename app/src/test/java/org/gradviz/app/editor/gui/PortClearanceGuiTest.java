package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
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
 * Port dots and box borders read as separate shapes in every theme, in the window and presenting: between a dot's
 * ring and its box's border, and between two dots, there is clear space. Before, presenting in the high-contrast
 * theme (3 px borders, 3 px rings) a ring was 4 units from its border and stacked inputs 6 apart: about 3 and 5
 * screen pixels at 1280x720 and 200 %, which read as touching.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PortClearanceGuiTest extends FittedExampleTest {
    /**
     * At least this much space (drawing units, the zoom taken out) between a ring and a border or another ring; in
     * the high-contrast theme, whose lines are 3 px, more.
     */
    private static final double CLEARANCE = 3;
    private static final double HIGH_CONTRAST_CLEARANCE = 8;

    PortClearanceGuiTest() {
        super(1280, 720);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void portDotsKeepClearOfTheirBoxBorderAndOfEachOther(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> touching = new ArrayList<>();
        check(robot, "window", touching);
        LectureKeys.present(robot);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, "presenting", touching);
        LectureKeys.largerText(robot, 5); // 110, 125, 150, 175, 200 %
        WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, "presenting-200pct", touching);
        assertEquals(List.of(), touching);
    }

    private void check(FxRobot robot, String where, List<String> touching) {
        for (Theme theme : Theme.values()) {
            robot.interact(() -> model.display().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                        "ports-" + where + "-" + theme.id() + ".png"));
                for (Node n : view.canvas().lookupAll(".graph-node")) {
                    measure((Region) n, where + " " + theme.id(),
                            theme == Theme.HIGH_CONTRAST ? HIGH_CONTRAST_CLEARANCE : CLEARANCE, touching);
                }
            });
        }
    }

    /** Clearances in the box's own units: from each ring to the inside of the border, and between rings. */
    private static void measure(Region box, String where, double clearance, List<String> touching) {
        Bounds inside = box.getLayoutBounds();
        double border = box.getBorder() == null || box.getBorder().getStrokes().isEmpty() ? 0
                : box.getBorder().getStrokes().get(0).getWidths().getLeft();
        List<double[]> rings = new ArrayList<>();
        for (Node d : box.lookupAll(".graph-port-dot")) {
            Circle dot = (Circle) d;
            Point2D c = box.sceneToLocal(dot.localToScene(dot.getCenterX(), dot.getCenterY()));
            double r = dot.getRadius() + dot.getStrokeWidth() / 2;
            rings.add(new double[] {c.getX(), c.getY(), r});
            double left = c.getX() - r - (inside.getMinX() + border);
            double right = inside.getMaxX() - border - (c.getX() + r);
            double top = c.getY() - r - (inside.getMinY() + border);
            double bottom = inside.getMaxY() - border - (c.getY() + r);
            double least = Math.min(Math.min(left, right), Math.min(top, bottom));
            if (least < clearance) {
                touching.add(String.format("%s: %s's ring %.1f from its border", where, box.getId(), least));
            }
        }
        for (int i = 0; i < rings.size(); i++) {
            for (int j = i + 1; j < rings.size(); j++) {
                double[] a = rings.get(i);
                double[] b = rings.get(j);
                double gap = Math.hypot(a[0] - b[0], a[1] - b[1]) - a[2] - b[2];
                    if (gap < clearance) {
                    touching.add(String.format("%s: %s's rings %.1f apart", where, box.getId(), gap));
                }
            }
        }
    }
}
