package org.gradviz.app.animation.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import javafx.animation.Animation;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.gradviz.app.animation.TraceEvent;
import org.gradviz.app.animation.TraceRecorder;
import org.gradviz.app.document.CompiledDocument;
import org.gradviz.app.document.DecimalText;
import org.gradviz.app.document.DocumentCompiler;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.editor.gui.SceneSnapshot;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.GraphvizEngineKind;
import org.gradviz.app.render.GraphvizService;
import org.gradviz.app.render.LeafNames;
import org.gradviz.app.render.PictureNode;
import org.gradviz.app.shell.UiFont;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The seed network's autograd graph in a 1920×1080 window, as the animation will drive it. */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AutogradViewGuiTest {
    private final List<TraceEvent> events = new ArrayList<>();
    private AutogradView view;
    private AutogradPicture picture;
    private Scene scene;

    @Start
    void start(Stage primary) {
        UiFont.load();
        CompiledDocument c = new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
        try (TraceRecorder recorder = TraceRecorder.start(t -> null, () -> 0)) {
            picture = AutogradPicture.of(c.output(), LeafNames.of(c.tensors()), GraphOptions.DEFAULT, recorder::nodeId,
                    recorder::tensorId);
            c.output().backward();
            events.addAll(recorder.events());
        }
        AutogradLayout layout = AutogradLayout.of(picture);
        Stage stage = new Stage();
        view = new AutogradView();
        scene = new Scene(view, 1920, 1080);
        scene.getStylesheets().add(getClass().getResource("/org/gradviz/assets/css/gradviz.css").toExternalForm());
        stage.setScene(scene);
        view.setPicture(picture, layout);
        stage.show();
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
    }

    private static Paint fill(AutogradNodeView v) {
        return v.box().getBackground().getFills().get(0).getFill();
    }

    @Test
    void theSeedGraphFillsTheWindowWithEveryBoxApartAndInside(FxRobot robot) {
        settle(robot);
        List<AutogradNodeView> boxes = view.nodeViews();
        assertEquals(9, boxes.size());
        List<Bounds> on = boxes.stream().map(b -> b.box().localToScene(b.box().getLayoutBounds())).toList();
        for (int i = 0; i < on.size(); i++) {
            Bounds a = on.get(i);
            assertTrue(a.getMinX() >= 0 && a.getMinY() >= 0 && a.getMaxX() <= 1920 && a.getMaxY() <= 1080,
                    boxes.get(i).node().title() + " at " + a);
            for (int j = i + 1; j < on.size(); j++) {
                Bounds b = on.get(j);
                boolean apart = a.getMaxX() <= b.getMinX() || b.getMaxX() <= a.getMinX() || a.getMaxY() <= b.getMinY()
                        || b.getMaxY() <= a.getMinY();
                assertTrue(apart, boxes.get(i).node().title() + " overlaps " + boxes.get(j).node().title());
            }
        }
        double height = on.stream().mapToDouble(Bounds::getMaxY).max().orElseThrow()
                - on.stream().mapToDouble(Bounds::getMinY).min().orElseThrow();
        assertTrue(height > 800, "fitted to the window's height: " + height);
        assertTrue(view.zoomFactor() >= 2, "boxes of 10-point text at least doubled: " + view.zoomFactor());
    }

    @Test
    void torchvizColoursTheBoxesByKind(FxRobot robot) {
        settle(robot);
        assertEquals(Color.web("#caff70"), fill(view.nodeView("n0").orElseThrow()), "output darkolivegreen1");
        assertEquals(Color.web("#d3d3d3"), fill(view.nodeView("n1").orElseThrow()), "ops lightgrey");
        assertEquals(Color.web("#add8e6"), fill(view.nodeView("n6").orElseThrow()), "leaf lightblue");
    }

    @Test
    void aClickSelectsTheBoxAndTheBackgroundSelectsNothing(FxRobot robot) {
        settle(robot);
        List<PictureNode> clicked = new ArrayList<>();
        view.setOnNodeClicked(clicked::add);
        AutogradNodeView add = view.nodeView("n2").orElseThrow();

        robot.clickOn(add);

        assertEquals("AddBackward0", view.selectedNodeProperty().get().title());
        assertEquals(List.of(add.node()), clicked);
        assertTrue(add.hasState(NodeState.SELECTED));
        robot.clickOn(robot.point(view).atPosition(javafx.geometry.Pos.TOP_LEFT).atOffset(new javafx.geometry.Point2D(20, 20)));
        assertNull(view.selectedNodeProperty().get());
        assertFalse(add.hasState(NodeState.SELECTED));
    }

    @Test
    void statesAreDrawnByTheStylesheet(FxRobot robot) {
        settle(robot);
        AutogradNodeView mm = view.nodeView("n4").orElseThrow();
        Paint before = fill(mm);

        robot.interact(() -> mm.setState(NodeState.HIGHLIGHTED, true));
        settle(robot);
        assertEquals(Color.web("#fde725"), fill(mm));
        robot.interact(() -> mm.setState(NodeState.HIGHLIGHTED, false));
        settle(robot);
        assertEquals(before, fill(mm));

        robot.interact(() -> mm.setState(NodeState.RUNNING, true));
        settle(robot);
        assertEquals(Color.web("#d55e00"), mm.box().getBorder().getStrokes().get(0).getTopStroke());
        robot.interact(mm::clear);
    }

    @Test
    void anEngineGradientFindsItsEdgeWhichTakesItsLabelAndSize(FxRobot robot) {
        settle(robot);
        TraceEvent.GradientSent toB = events.stream().filter(TraceEvent.GradientSent.class::isInstance)
                .map(TraceEvent.GradientSent.class::cast).filter(g -> g.fromName().equals("AddBackward0")
                        && g.inputIndex() == 1).findFirst().orElseThrow();
        AutogradEdgeView edge = view.edgeView(toB.fromId(), toB.inputIndex()).orElseThrow();
        assertEquals("AccumulateGrad", picture.node(edge.edge().from()).orElseThrow().title());
        javafx.scene.shape.Path line = (javafx.scene.shape.Path) edge.getChildren().get(0);
        double plain = line.getStrokeWidth();

        robot.interact(() -> {
            edge.setLabel("[0.2661, 0.1179, 0.0027]");
            edge.setMagnitude(GradientMagnitude.of(toB.grad().data()));
        });
        settle(robot);

        assertEquals(GradientMagnitude.LARGE, edge.magnitude());
        assertTrue(line.getStrokeWidth() > plain, "a bigger gradient, a wider line: " + line.getStrokeWidth());
        assertNotEquals(Color.BLACK, line.getStroke());
        assertTrue(edge.labelNode().isVisible() && edge.labelNode().getWidth() > 0);
        robot.interact(edge::clear);
    }

    @Test
    void aZeroLengthPulseLeavesNothingOnScreenAndALongOneShowsItsDot(FxRobot robot) {
        settle(robot);
        AutogradEdgeView edge = view.edgeViews().get(0);
        robot.interact(() -> view.pulse(edge, Duration.ZERO));
        settle(robot);
        assertEquals(0, view.pulsesShown());

        Animation[] slow = new Animation[1];
        robot.interact(() -> {
            slow[0] = view.pulseAnimation(edge, Duration.seconds(10), true);
            slow[0].playFrom(Duration.seconds(5));
        });
        settle(robot);
        assertEquals(1, view.pulsesShown());
        robot.interact(slow[0]::stop);
        assertEquals(0, view.pulsesShown());
    }

    @Test
    void ctrlPlusZoomsAndStopsFittingCtrlZeroFitsAgain(FxRobot robot) {
        settle(robot);
        double fitted = view.zoomFactor();
        javafx.stage.Window window = view.getScene().getWindow();
        robot.clickOn(view.nodeView("n0").orElseThrow());

        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals(fitted * 1.25, view.zoomFactor(), 1e-9);
        robot.interact(() -> window.setHeight(900));
        settle(robot);
        assertEquals(fitted * 1.25, view.zoomFactor(), 1e-9, "the user's zoom stays when the window changes");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        double refitted = view.zoomFactor();
        assertTrue(refitted < fitted, "the tall graph fits the lower window: " + refitted);
        robot.interact(() -> window.setHeight(700));
        settle(robot);
        assertTrue(view.zoomFactor() < refitted, "and keeps fitting as it shrinks: " + view.zoomFactor());
    }

    @Test
    void theGraphAsTheBackwardAnimationLeavesItIsReadable(FxRobot robot) {
        settle(robot);
        robot.interact(() -> {
            for (TraceEvent e : events) {
                if (e instanceof TraceEvent.NodeStarted n) {
                    view.nodeView(n.nodeId()).ifPresent(v -> v.setState(NodeState.DONE, true));
                } else if (e instanceof TraceEvent.GradientSent g) {
                    view.edgeView(g.fromId(), g.inputIndex()).ifPresent(edge -> {
                        edge.setState(EdgeState.DONE, true);
                        edge.setMagnitude(GradientMagnitude.of(g.grad().data()));
                        edge.setLabel(text(g.grad().data()));
                    });
                } else if (e instanceof TraceEvent.GradAccumulated a) {
                    view.nodeView(a.nodeId()).ifPresent(v -> v.setNote("grad: " + text(a.after().data())));
                }
            }
            view.nodeView("n2").orElseThrow().setState(NodeState.RUNNING, true);
            view.nodeView("n2").orElseThrow().setState(NodeState.DONE, false);
        });
        settle(robot);
        robot.interact(() -> SceneSnapshot.writePng(scene, Path.of("target", "screenshots", "autograd-view.png")));
        assertTrue(view.nodeViews().stream().filter(v -> v.node().isEngineNode()).allMatch(
                v -> v.hasState(NodeState.DONE) || v.hasState(NodeState.RUNNING)));
        robot.interact(view::clearStates);
    }

    @ParameterizedTest
    @EnumSource(GraphvizEngineKind.class)
    void attributeTablesAndSavedTensorsFitTheirBoxesInTheDarkTheme(GraphvizEngineKind engine, FxRobot robot) {
        assumeTrue(engine == GraphvizEngineKind.EMBEDDED || GraphvizEngineKind.detect() == GraphvizEngineKind.DOT_BINARY,
                "the dot program is not on the PATH");
        CompiledDocument c = new DocumentCompiler().compile(new DocumentReader().read(Examples.file("one-layer-bce.json")));
        AutogradPicture full = AutogradPicture.of(c.output(), LeafNames.of(c.tensors()),
                GraphOptions.DEFAULT.withShowSaved(true).withShowAttrs(true).withTheme(org.gradviz.app.document.Theme.DARK));
        AutogradLayout layout = AutogradLayout.of(full, GraphvizService.shared(engine));
        robot.interact(() -> {
            view.setPicture(full, layout);
            view.setTheme(org.gradviz.app.document.Theme.DARK); // the window's theme (WindowTheme), not the picture's
        });
        settle(robot);

        assertEquals(12, view.nodeViews().size(), "as torchviz's full picture, n0 to n11");
        assertEquals(Color.web("#9a5b00"), fill(view.nodeViews().stream()
                .filter(v -> v.node().kind() == PictureNode.Kind.SAVED).findFirst().orElseThrow()), "dark saved fill");
        for (AutogradNodeView v : view.nodeViews()) {
            assertEquals(v.node().lines().stream().filter(l -> !l.isBlank()).count(), v.texts().size(), v.node().title());
            Bounds box = v.box().getBoundsInParent();
            for (javafx.scene.text.Text text : v.texts()) {
                Bounds line = text.getBoundsInParent();
                assertTrue(line.getMinX() >= box.getMinX() && line.getMaxX() <= box.getMaxX()
                        && line.getMinY() >= box.getMinY() && line.getMaxY() <= box.getMaxY() + 1,
                        v.node().title() + ": \"" + text.getText() + "\" at " + line + " in " + box);
            }
        }
        robot.interact(() -> SceneSnapshot.writePng(scene, Path.of("target", "screenshots",
                "autograd-view-full-dark-" + engine.name().toLowerCase(java.util.Locale.ROOT) + ".png")));
    }

    private static String text(double[] values) {
        if (values.length == 1) {
            return DecimalText.of(values[0]);
        }
        return DoubleStream.of(values).limit(3).mapToObj(DecimalText::of)
                .collect(Collectors.joining(", ", "[", values.length > 3 ? ", …]" : "]"));
    }
}
