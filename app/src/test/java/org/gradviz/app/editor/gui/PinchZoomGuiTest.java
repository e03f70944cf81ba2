package org.gradviz.app.editor.gui;

import static org.gradviz.app.editor.gui.CanvasRobot.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.event.Event;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.stage.Stage;
import org.gradviz.app.editor.canvas.GraphCanvas;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Zooming the canvas of the real window: a touchpad pinch (the zoom gesture events the system delivers,
 * fired at the box under the fingers), the mouse wheel, and Ctrl+0 to fit. The canvas opens at 100 %.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PinchZoomGuiTest {
    private static final List<String> BOXES = List.of("x", "y", "w", "b", "xw", "z", "loss");
    /** Where a box may end up after rounding in the scene graph and to whole pixels on screen. */
    private static final double PIXEL = 1;

    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        MainWindowView view = ExampleWindow.open(stage, "one-layer-bce.json", 1440, 900).view();
        view.setAutogradViewShown(false); // the network view alone, as View ▸ Autograd View (Ctrl+5) leaves it
        canvas = view.canvas();
    }

    @Test
    void pinchMultipliesTheZoomAndKeepsTheBoxUnderTheFingers(FxRobot robot) {
        // two steps of one gesture: 1.25 × 1.2 = 1.5
        assertPinchZooms(robot, "z", 1.5, 1.25, 1.2);
    }

    @Test
    void pinchingOutStopsAt400Percent(FxRobot robot) {
        // 2.5 × 2.5 = 6.25 asked for; the canvas stops at 4
        assertPinchZooms(robot, "xw", 4, 2.5, 2.5);
    }

    @Test
    void theWheelZoomsAtTheMouseWithOrWithoutCtrl(FxRobot robot) {
        Bounds before = box(robot, "b");
        Point2D mouse = new Point2D(before.getCenterX(), before.getCenterY());

        // each unit of wheel delta is a factor e^0.002: 100 up is e^0.2
        scroll(robot, "b", mouse, 100, false);
        double up = 1.2214027582;
        assertEquals(up, canvas.zoomFactor(), 1e-10);
        assertScaledAbout(mouse, up, before, box(robot, "b"));

        // with Ctrl held the wheel zooms the same way: 100 down is e^-0.2, back to 100 %
        scroll(robot, "b", mouse, -100, true);
        assertEquals(1, canvas.zoomFactor(), 1e-9);
        assertScaledAbout(mouse, 1, before, box(robot, "b"));
    }

    @Test
    void ctrl0FitsEveryBoxCentredInTheCanvas(FxRobot robot) {
        Bounds all = union(robot);
        Bounds area = canvas.localToScreen(canvas.getLayoutBounds());
        // Fit leaves a 40 px margin on each side and never goes above 150 %
        double expected = Math.min(1.5, Math.min((area.getWidth() - 80) / all.getWidth(),
                (area.getHeight() - 80) / all.getHeight()));
        assertTrue(expected < 1, "the example is wider than the canvas, so fitting zooms out: " + expected);
        CanvasRobot.focus(robot, canvas);
        CanvasRobot.shortcut(robot, KeyCode.EQUALS);
        assertEquals(1.25, canvas.zoomFactor(), 1e-9, "Ctrl+= zooms in by 25 % first");

        CanvasRobot.shortcut(robot, KeyCode.DIGIT0);

        assertEquals(expected, canvas.zoomFactor(), 1e-9);
        Bounds fitted = union(robot);
        assertEquals(area.getCenterX(), fitted.getCenterX(), PIXEL);
        assertEquals(area.getCenterY(), fitted.getCenterY(), PIXEL);
        assertEquals(all.getWidth() * expected, fitted.getWidth(), PIXEL);
        assertTrue(fitted.getMinX() >= area.getMinX() + 40 - PIXEL && fitted.getMaxX() <= area.getMaxX() - 40 + PIXEL,
                () -> fitted + " is not inside " + area + " less the margin");
    }

    /** Pinches {@code steps} with the fingers a quarter into box {@code under}, off its centre. */
    private void assertPinchZooms(FxRobot robot, String under, double expectedZoom, double... steps) {
        Bounds before = box(robot, under);
        Point2D fingers = new Point2D(before.getMinX() + before.getWidth() / 4,
                before.getMinY() + before.getHeight() / 4);

        pinch(robot, under, fingers, steps);

        assertEquals(expectedZoom, canvas.zoomFactor(), 1e-9);
        assertScaledAbout(fingers, expectedZoom, before, box(robot, under));
    }

    // ----- gestures as the system delivers them

    /** One pinch at {@code fingers} (screen), fired at the box under them, {@code steps} its zoom events. */
    private void pinch(FxRobot robot, String under, Point2D fingers, double... steps) {
        Node target = robot.lookup("#node-" + under).query();
        robot.interact(() -> {
            Point2D scene = target.getScene().getRoot().screenToLocal(fingers);
            double total = 1;
            Event.fireEvent(target, zoom(ZoomEvent.ZOOM_STARTED, scene, fingers, 1, total));
            for (double step : steps) {
                total *= step;
                Event.fireEvent(target, zoom(ZoomEvent.ZOOM, scene, fingers, step, total));
            }
            Event.fireEvent(target, zoom(ZoomEvent.ZOOM_FINISHED, scene, fingers, 1, total));
        });
    }

    private static ZoomEvent zoom(javafx.event.EventType<ZoomEvent> type, Point2D scene, Point2D screen,
            double factor, double total) {
        return new ZoomEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                false, false, false, false, false, false, factor, total, null);
    }

    /** One wheel notch of {@code deltaY} at {@code mouse} (screen), fired at the box under it. */
    private void scroll(FxRobot robot, String under, Point2D mouse, double deltaY, boolean ctrl) {
        Node target = robot.lookup("#node-" + under).query();
        robot.interact(() -> {
            Point2D scene = target.getScene().getRoot().screenToLocal(mouse);
            Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(), mouse.getX(),
                    mouse.getY(), false, ctrl, false, false, false, false, 0, deltaY, 0, deltaY,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                    null));
        });
    }

    // ----- where the boxes are on screen

    private static Bounds union(FxRobot robot) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (String name : BOXES) {
            Node view = robot.lookup("#node-" + name).query();
            Bounds b = view.localToScreen(view.getBoundsInLocal());
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Zooming by {@code factor} about {@code fixed} moves every point p to fixed + (p − fixed) × factor: the
     * box's corners go there, it grows by the factor, and the point under {@code fixed} is still the box's.
     */
    private static void assertScaledAbout(Point2D fixed, double factor, Bounds before, Bounds after) {
        assertEquals(fixed.getX() + (before.getMinX() - fixed.getX()) * factor, after.getMinX(), PIXEL, "left");
        assertEquals(fixed.getY() + (before.getMinY() - fixed.getY()) * factor, after.getMinY(), PIXEL, "top");
        assertEquals(before.getWidth() * factor, after.getWidth(), PIXEL, "width");
        assertEquals(before.getHeight() * factor, after.getHeight(), PIXEL, "height");
        assertTrue(after.contains(fixed), () -> "the point under the fingers left the box: " + after);
    }
}
