package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.gradviz.app.editor.gui.SceneSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Save changes?": Enter must neither overwrite the file nor throw the changes away. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class SaveChangesDialogGuiTest {
    private Stage stage;
    private Alert alert;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        stage.setScene(new Scene(new BorderPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (alert != null) {
                alert.close();
            }
            stage.close();
        }).get();
    }

    @Test
    void enterInTheSaveChangesQuestionCancels(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            alert = new FxDialogs(() -> stage).saveChangesAlert("one-layer-bce.json");
            alert.show();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshot.writePng(alert.getDialogPane().getScene(),
                Path.of("target", "screenshots", "save-changes-dialog.png"))).get();

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(ButtonType.CANCEL, alert.getResult());
    }
}
