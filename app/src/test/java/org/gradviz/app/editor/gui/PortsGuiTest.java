package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.gradviz.app.document.Connection;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ports big enough to see on a projector and to hit without aiming at the pixel. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class PortsGuiTest {
    private Stage stage;
    private EditorModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.model = new EditorModel();
        model.addSource(TensorRole.INPUT, new Position(0, 0));
        model.addOp(OpKind.SIGMOID, new Position(320, 0));
        model.selection().clear();
        ExampleWindow.show(stage, model, 1280, 720).view().setAutogradViewShown(false);
    }

    @Test
    void aPortIsDrawnAtLeastTwentyPixelsAcrossAtFullSize(FxRobot robot) {
        Bounds port = dotOf(robot.lookup("#port-x-out").query());
        assertTrue(port.getWidth() >= 20 && port.getHeight() >= 20, "port " + port);
    }

    @Test
    void aPressJustOutsideTheDrawnPortStillStartsAWire(FxRobot robot) throws Exception {
        Bounds dot = dotOf(robot.lookup("#port-x-out").query());
        WaitForAsyncUtils.asyncFx(() -> SceneSnapshot.writePng(stage.getScene(),
                Path.of("target", "screenshots", "ports.png"))).get();
        Point2D beside = new Point2D(dot.getMaxX() + 3, dot.getCenterY());
        Point2D screen = new Point2D(stage.getX() + stage.getScene().getX() + beside.getX(),
                stage.getY() + stage.getScene().getY() + beside.getY());

        robot.drag(screen, MouseButton.PRIMARY).moveTo("#port-sigmoid-input").drop();

        assertEquals(List.of(new Connection("x", "sigmoid", "input")), model.document().edges());
    }

    /** The drawn circle of a port, in scene coordinates (the port's invisible hit area is larger). */
    private static Bounds dotOf(Node port) {
        Node dot = port.lookup(".graph-port-dot");
        Node shown = dot != null ? dot : port;
        return shown.localToScene(shown.getBoundsInLocal());
    }
}
