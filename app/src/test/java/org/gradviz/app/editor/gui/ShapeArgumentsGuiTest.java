package org.gradviz.app.editor.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.OpAttribute;
import org.gradviz.app.document.OpKind;
import org.gradviz.app.document.OpNode;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view's or reshape's box tells the sizes it was asked for, as the call takes them, beside its result's shape. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ShapeArgumentsGuiTest {
    private EditorModel model;

    @Start
    void start(Stage stage) {
        model = ExampleWindow.open(stage, "ngram-view.json", 1280, 800).model();
    }

    @Test
    void aViewBoxShowsItsSizesAsTheCallTakesThem(FxRobot robot) {
        // embeds = embedding1.view((1, -1)): the two context words' embeddings, (2, 3), as one row (1, 6)
        assertEquals("view  view(1, -1)", kindLine(robot, "embeds"));
    }

    @Test
    void aReshapeBoxShowsItsSizesToo(FxRobot robot) throws Exception {
        GraphDocument doc = model.document();
        List<OpNode> nodes = doc.nodes().stream().map(n -> !n.name().equals("embeds") ? n
                : OpAttribute.node("embeds", OpKind.RESHAPE, Map.of(OpAttribute.SHAPE, List.of(-1L, 6L)))).toList();
        GraphDocument reshaped = new GraphDocument(doc.formatVersion(), doc.title(), doc.seed(), doc.tensors(), nodes,
                doc.edges(), doc.output(), doc.positions(), doc.view());

        WaitForAsyncUtils.asyncFx(() -> model.load(reshaped, null)).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("reshape  reshape(-1, 6)", kindLine(robot, "embeds"));
    }

    private static String kindLine(FxRobot robot, String box) {
        return robot.lookup("#node-" + box + " .graph-node-kind").queryAs(Label.class).getText();
    }
}
