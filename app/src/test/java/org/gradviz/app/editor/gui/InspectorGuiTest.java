package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector as a teacher uses it in front of a class: renaming with Enter, sizes, reading the values. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class InspectorGuiTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = ExampleWindow.openFitted(stage, "one-layer-bce.json", 1920, 1080).model();
    }

    @Test
    void renamingWithEnterKeepsTheBoxSelectedAndTheFocusInTheNameField(FxRobot robot) {
        robot.clickOn("#node-b");
        rename(robot, "bias");

        assertEquals(List.of("bias"), List.copyOf(model.selection()));
        assertEquals("Edit bias", model.statusProperty().get());
        assertEquals("inspector-name", focusedId());
        assertEquals("bias", robot.lookup("#inspector-name").queryAs(TextField.class).getText());
    }

    @Test
    void renamingToItsOwnNameWithEnterSaysNothing(FxRobot robot) {
        robot.clickOn("#node-b");
        String status = model.statusProperty().get();
        int edits = model.history().undoSize();
        rename(robot, "b");

        assertEquals(status, model.statusProperty().get());
        assertEquals(edits, model.history().undoSize());
        assertEquals(List.of("b"), List.copyOf(model.selection()));
        assertEquals("inspector-name", focusedId());
    }

    @Test
    void addingADimensionKeepsTheFocusOnTheButton(FxRobot robot) {
        robot.clickOn("#node-b");
        robot.clickOn("#inspector-add-dim");

        assertEquals(List.of(3, 1), model.document().tensor("b").orElseThrow().shape());
        assertEquals("inspector-add-dim", focusedId());
        assertFalse("learning-rate".equals(focusedId()));
    }

    private void rename(FxRobot robot, String name) {
        robot.doubleClickOn("#inspector-name");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(name);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshot.writePng(stage.getScene(),
                SCREENSHOTS.resolve("inspector-renamed-" + name + ".png")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String focusedId() {
        Node owner = stage.getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }
}
