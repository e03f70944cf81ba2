package org.gradviz.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.panels.GeneratedCode;
import org.gradviz.app.shell.MainWindow;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Copy Image (Ctrl+Shift+C) and the File menu's export items. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class CopyImageGuiTest {
    private MainWindowView view;
    private EditorModel model;
    private Menu file;

    @Start
    void start(Stage stage) {
        Path path = Examples.file("one-layer-bce.json");
        model = new EditorModel(new DocumentReader().read(path), path);
        view = MainWindow.install(stage, model, new GeneratedCode());
        file = new Menu("File", null, new MenuItem("Open"), new SeparatorMenuItem(), new MenuItem("Quit"));
        view.addLeadingMenu(file);
        stage.setWidth(1440);
        stage.setHeight(900);
        stage.show();
    }

    @Test
    void exportAndCopyImageSitBeforeQuit() {
        assertEquals(java.util.List.of("Open", "", "Export…", "Copy Image of the Network View", "", "Quit"),
                file.getItems().stream().map(i -> i.getText() == null ? "" : i.getText()).toList());
    }

    @Test
    void ctrlShiftCPutsThePictureOfTheNetworkOnTheClipboard(FxRobot robot) {
        robot.clickOn("#graph-canvas");
        robot.type(KeyCode.F5);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        for (int i = 0; i < 200 && !model.statusProperty().get().startsWith("Copied"); i++) {
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }

        assertTrue(model.statusProperty().get().startsWith("Copied the network view ("), model.statusProperty().get());
        Image[] image = new Image[1];
        robot.interact(() -> image[0] = Clipboard.getSystemClipboard().getImage());
        double[] width = new double[1];
        robot.interact(() -> width[0] = view.canvas().drawing().getBoundsInLocal().getWidth());
        assertEquals(Math.ceil((width[0] + 2 * PictureSize.MARGIN) * 2), image[0].getWidth(), 2.0, "2×");
    }
}
