package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.PaletteEntry;
import org.gradviz.app.shell.MainWindowView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A new box lands centred where it is put, and stays on screen as it grows. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NewBoxPlacementGuiTest {
    private MainWindowView view;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        ExampleWindow window = ExampleWindow.show(stage, new EditorModel(), 1440, 900);
        view = window.view();
        model = window.model();
    }

    @Test
    void aBoxFromThePaletteIsCentredOnTheDropPoint(FxRobot robot) {
        Point2D centre = new Point2D(300, 200);
        String[] name = new String[1];
        robot.interact(() -> {
            view.canvas().add(PaletteEntry.op("Losses", OpKind.BINARY_CROSS_ENTROPY_WITH_LOGITS), centre);
            name[0] = model.selection().get(0);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Node box = robot.lookup("#node-" + name[0]).query();
        Bounds b = box.getBoundsInParent();
        assertEquals(centre.getX(), b.getCenterX(), 2, "centred across");
        assertEquals(centre.getY(), b.getCenterY(), 2, "centred down");
    }

    @Test
    void aBoxPutNearTheEdgeIsBroughtWhollyIntoView(FxRobot robot) {
        String[] name = new String[1];
        robot.interact(() -> {
            Bounds visible = view.canvas().getLayoutBounds();
            Point2D corner = view.canvas().drawing().parentToLocal(visible.getMaxX() - 5, visible.getMaxY() - 5);
            view.canvas().add(PaletteEntry.source(org.gradviz.app.document.TensorRole.PARAMETER), corner);
            name[0] = model.selection().get(0);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Node box = robot.lookup("#node-" + name[0]).query();
        Bounds onCanvas = view.canvas().sceneToLocal(box.localToScene(box.getBoundsInLocal()));
        Bounds canvas = view.canvas().getLayoutBounds();
        assertTrue(onCanvas.getMaxX() <= canvas.getMaxX() && onCanvas.getMaxY() <= canvas.getMaxY()
                && onCanvas.getMinX() >= 0 && onCanvas.getMinY() >= 0, onCanvas + " inside " + canvas);
    }
}
