package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import javafx.stage.Stage;
import org.gradviz.app.document.Theme;
import org.gradviz.app.document.ViewSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Text size, themes, blank screen and spotlight, measured on the screen (sizes and colours, not flags). */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LectureDisplayGuiTest extends FittedExampleTest {

    LectureDisplayGuiTest() {
        super(1440, 900);
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void ctrlShiftPlusAndMinusStepTheTextOfEveryCanvasTextOnce(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        double[] before = sizes(robot);
        assertEquals(13, before[0], 1e-6, "grid numbers at 100 %");
        assertEquals(20, before[1], 1e-9, "box names at 100 %");
        assertEquals(14, before[2], 1e-9, "edge shapes at 100 %");

        // what the badge said while shown (it goes after 1.5 s, which a loaded machine can take to get here)
        javafx.scene.control.Label badge = robot.lookup("#text-size-badge").queryAs(javafx.scene.control.Label.class);
        java.util.List<String> badgeSaid = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            badge.textProperty().addListener((obs, old, text) -> {
                if (badge.isVisible()) {
                    badgeSaid.add(text);
                }
            });
            badge.visibleProperty().addListener((obs, old, shown) -> {
                if (shown) {
                    badgeSaid.add(badge.getText());
                }
            });
        });
        larger(robot);
        larger(robot);

        double[] after = sizes(robot);
        // each press one step (1.0 → 1.1 → 1.25), not two: the menu's accelerator does not act as well
        assertEquals(1.25, model.display().fontScale(), 1e-9);
        assertEquals(13 * 1.25, after[0], 1e-6, "grid numbers");
        assertEquals(20 * 1.25, after[1], 1e-6, "box names");
        assertEquals(14 * 1.25, after[2], 1e-6, "edge labels");
        assertEquals("Text Size: 125% (click for 100%)", findMenuItemText("text-size-now"),
                "the View menu says the size");

        assertTrue(badgeSaid.contains("Text 125%"), "a badge said the new size: " + badgeSaid);
        WaitForAsyncUtils.sleep(2500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertFalse(badge.isVisible(), "and goes after a moment");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.1, model.display().fontScale(), 1e-9);
        assertEquals(13 * 1.1, sizes(robot)[0], 1e-6);
    }

    @Test
    void darkAndHighContrastRecolourTheWindowTheCanvasAndTheGrids(FxRobot robot) {
        robot.type(KeyCode.F5);
        Color lightCanvas = canvasBackground(robot);
        assertTrue(lightCanvas.getBrightness() > 0.95, "light canvas " + lightCanvas);

        robot.interact(() -> model.display().themeProperty().set(Theme.DARK));
        WaitForAsyncUtils.waitForFxEvents();
        Color darkCanvas = canvasBackground(robot);
        assertTrue(darkCanvas.getBrightness() < 0.15, "dark canvas " + darkCanvas);
        Label title = robot.lookup("#node-w").lookup(".graph-node-title").queryAs(Label.class);
        assertTrue(luminance((Color) title.getTextFill()) > 0.8, "box names light on dark: " + title.getTextFill());
        assertTrue(luminance(menuBarBackground(robot)) < 0.2, "the menus are dark too");
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots", "theme-dark.png")));

        robot.interact(() -> model.display().themeProperty().set(Theme.HIGH_CONTRAST));
        WaitForAsyncUtils.waitForFxEvents();
        Shape edge = robot.lookup("#edge-xw-z-input").lookup(".graph-edge").queryAs(Shape.class);
        assertEquals(Color.BLACK, edge.getStroke(), "edges black");
        assertTrue(edge.getStrokeWidth() >= 3.5, "and thick: " + edge.getStrokeWidth());
        assertTrue(canvasBackground(robot).getBrightness() > 0.99, "on white");
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots",
                "theme-high-contrast.png")));
    }

    @Test
    void aDocumentsOwnThemeAppliesWhenItOpens(FxRobot robot) {
        GraphDocument seed = new DocumentReader().read(Examples.file("one-layer-bce.json"));
        ViewSettings v = seed.viewOrDefault();
        GraphDocument dark = new GraphDocument(seed.formatVersion(), seed.title(), seed.seed(), seed.tensors(), seed.nodes(),
                seed.edges(), seed.output(), seed.positions(),
                new ViewSettings(v.rankdir(), Theme.DARK, v.values(), v.showSaved(), v.showAttrs(), v.dpi()));
        robot.interact(() -> model.load(dark, null));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(Theme.DARK, model.display().theme());
        assertTrue(canvasBackground(robot).getBrightness() < 0.15, "opened dark");
    }

    @Test
    void bBlanksTheScreenAndTheNextKeyOnlyBringsItBack(FxRobot robot) {
        robot.type(KeyCode.F5);
        robot.type(KeyCode.F6);
        robot.type(KeyCode.HOME);
        int position = model.player().positionProperty().get();

        robot.type(KeyCode.B);
        assertTrue(view.isBlanked());
        Color middle = pixel(robot, stage.getScene().getWidth() / 2, stage.getScene().getHeight() / 2);
        assertEquals(Color.BLACK, middle, "black screen");

        robot.type(KeyCode.PAGE_DOWN); // a clicker's next: brings the picture back, does not step
        assertFalse(view.isBlanked());
        assertEquals(position, model.player().positionProperty().get(), "the key that unblanks does not step");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(position + 1, model.player().positionProperty().get(), "the next one steps");
    }

    @Test
    void lettersTypedIntoAFieldAreText(FxRobot robot) {
        robot.clickOn("#learning-rate");
        robot.type(KeyCode.B);
        robot.type(KeyCode.L);
        assertFalse(view.isBlanked());
        assertFalse(view.isSpotlightOn());
    }

    @Test
    void theSpotlightDarkensAllButTheMouse(FxRobot robot) {
        Bounds canvas = robot.lookup("#graph-canvas").query().localToScene(
                robot.lookup("#graph-canvas").query().getLayoutBounds());
        double cx = canvas.getMinX() + canvas.getWidth() / 2;
        double cy = canvas.getMinY() + canvas.getHeight() / 2;
        robot.moveTo((Node) robot.lookup("#graph-canvas").query());
        Color farBefore = pixel(robot, canvas.getMinX() + 5, canvas.getMinY() + 5);

        robot.type(KeyCode.L);
        robot.moveBy(1, 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(view.isSpotlightOn());
        Color far = pixel(robot, canvas.getMinX() + 5, canvas.getMinY() + 5);
        Color near = pixel(robot, cx + 10, cy + 10);
        assertTrue(far.getBrightness() < farBefore.getBrightness() * 0.5, "far from the mouse: " + far);
        assertTrue(near.getBrightness() > 0.5 || near.getSaturation() > 0.2, "under the mouse, as it was: " + near);
        robot.interact(() -> SceneSnapshot.writePng(stage.getScene(), Path.of("target", "screenshots", "spotlight.png")));
        robot.type(KeyCode.L);
        assertFalse(view.isSpotlightOn());
    }

    @Test
    void dialogsOfADarkWindowAreDarkWithLightText(FxRobot robot) {
        robot.interact(() -> model.display().themeProperty().set(Theme.DARK));
        javafx.scene.control.Alert[] alert = new javafx.scene.control.Alert[1];
        robot.interact(() -> {
            alert[0] = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "Restore the autosaved work?");
            alert[0].initOwner(stage);
            alert[0].setHeaderText("gradviz did not close cleanly last time.");
            org.gradviz.app.files.DialogStyle.likeOwner(alert[0].getDialogPane(), stage);
            alert[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label header = (Label) alert[0].getDialogPane().lookup(".header-panel .label");
        Label content = (Label) alert[0].getDialogPane().lookup(".content");
        double[] text = new double[2];
        robot.interact(() -> {
            text[0] = luminance((Color) header.getTextFill());
            text[1] = luminance((Color) content.getTextFill());
            alert[0].close();
        });
        assertTrue(text[0] > 0.6 && text[1] > 0.6, "light text in the dark dialog: " + text[0] + ", " + text[1]);
    }

    // ----- helpers

    private void larger(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Grid numbers, w's name and the xw → z edge's shape label: their font sizes before zoom. */
    private double[] sizes(FxRobot robot) {
        double[] s = new double[3];
        robot.interact(() -> {
            s[0] = TextHeights.grids(robot.lookup("#node-w").queryParent()).get(0).fontSize();
            s[1] = robot.lookup("#node-w").lookup(".graph-node-title").queryAs(Label.class).getFont().getSize();
            s[2] = robot.lookup("#edge-labels-xw-z-input").lookup(".graph-edge-label").queryAs(Label.class).getFont()
                    .getSize();
        });
        return s;
    }

    private String findMenuItemText(String id) {
        for (javafx.scene.control.Menu menu : ((javafx.scene.control.MenuBar) view.lookup(".menu-bar")).getMenus()) {
            for (javafx.scene.control.MenuItem item : menu.getItems()) {
                if (id.equals(item.getId())) {
                    return item.getText();
                }
            }
        }
        return "";
    }

    private Color canvasBackground(FxRobot robot) {
        Node canvas = robot.lookup("#graph-canvas").query();
        Bounds b = canvas.localToScene(canvas.getLayoutBounds());
        return pixel(robot, b.getMaxX() - 4, b.getMaxY() - 4);
    }

    private Color menuBarBackground(FxRobot robot) {
        Node bar = robot.lookup(".menu-bar").query();
        Bounds b = bar.localToScene(bar.getLayoutBounds());
        return pixel(robot, b.getMaxX() - 4, b.getMinY() + b.getHeight() / 2);
    }

    private Color pixel(FxRobot robot, double x, double y) {
        Color[] c = new Color[1];
        robot.interact(() -> {
            WritableImage image = stage.getScene().snapshot(null);
            c[0] = image.getPixelReader().getColor((int) x, (int) y);
        });
        return c[0];
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }
}
