package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.PaletteView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every palette entry and the inspector's op name and tensor text can be read whole, on a laptop and on a projector. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ReadableLabelsGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void everyPaletteEntryIsWholeInsideThePaletteAt1920x1080(FxRobot robot) throws Exception {
        assertPaletteEntriesWhole(robot, "palette-1920x1080.png");
    }

    @Test
    void everyPaletteEntryIsWholeInsideThePaletteAt1280x720(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        }).get();
        assertPaletteEntriesWhole(robot, "palette-1280x720.png");
    }

    @Test
    void theInspectorShowsTheWholeOpNameAndTensorText(FxRobot robot) throws Exception {
        robot.clickOn("#run-forward");
        robot.clickOn("#node-loss");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("inspector-loss.png");

        Node inspector = robot.lookup("#inspector").query();
        Labeled op = robot.lookup("#inspector-op").queryAs(Labeled.class);
        assertWhole(op, inspector);
        assertTrue(String.join("", texts(op)).contains("binary_cross_entropy_with_logits"), texts(op).toString());

        robot.clickOn("#node-w");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot("inspector-w.png");
        Labeled value = robot.lookup("#inspector-value").queryAs(Labeled.class);
        assertWhole(value, inspector);
        assertTrue(String.join("", texts(value)).replace("\n", "").contains("requires_grad=True)"),
                texts(value).toString());
    }

    private void assertPaletteEntriesWhole(FxRobot robot, String png) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(png);
        ScrollPane palette = robot.lookup("." + PaletteView.STYLE).queryAs(ScrollPane.class);
        Node clip = palette.lookup(".viewport");
        Bounds viewport = clip.localToScene(clip.getLayoutBounds());
        for (Node entry : robot.lookup("." + PaletteView.ENTRY).queryAll()) {
            Labeled label = (Labeled) entry;
            Bounds b = entry.localToScene(entry.getLayoutBounds());
            assertTrue(b.getMaxX() <= viewport.getMaxX() && b.getMinX() >= viewport.getMinX(),
                    label.getText() + " at " + b + " sticks out of the palette " + viewport);
            assertTrue(texts(label).contains(label.getText()), label.getText() + " is shown as " + texts(label));
        }
    }

    /** Shown whole: not cut by its container, not ellipsised. */
    private static void assertWhole(Labeled label, Node container) {
        Bounds b = label.localToScene(label.getLayoutBounds());
        Bounds c = container.localToScene(container.getLayoutBounds());
        assertTrue(b.getMaxX() <= c.getMaxX() + 0.5, label.getId() + " at " + b + " is cut by " + c);
        assertTrue(!String.join("", texts(label)).contains("…") && !String.join("", texts(label)).contains("..."),
                label.getId() + " is shown as " + texts(label));
    }

    /** The text the label actually draws (after any ellipsis). */
    private static List<String> texts(Labeled label) {
        List<String> shown = new ArrayList<>();
        for (Node n : label.lookupAll(".text")) {
            if (n instanceof Text t) {
                shown.add(t.getText());
            }
        }
        return shown;
    }

    private void snapshot(String png) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshot.writePng(stage.getScene(), SCREENSHOTS.resolve(png))).get();
    }
}
