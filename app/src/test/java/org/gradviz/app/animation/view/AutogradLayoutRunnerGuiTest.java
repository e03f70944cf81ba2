package org.gradviz.app.animation.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.gradviz.app.render.AutogradLayout;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.GraphOptions;
import org.gradviz.app.render.LeafNames;
import org.gradviz.app.render.RenderException;
import org.gradviz.engine.Tensor;
import org.gradviz.engine.Torch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class AutogradLayoutRunnerGuiTest {
    private AutogradView view;

    @Start
    void start(Stage primary) {
        Stage stage = new Stage();
        view = new AutogradView();
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private static AutogradPicture picture(String name) {
        Tensor x = Torch.ones(2).requiresGrad_(true);
        return AutogradPicture.of(x.mul(2.0), LeafNames.of(java.util.Map.of(name, x)), GraphOptions.DEFAULT);
    }

    @Test
    void aNewerPictureWinsOverAnOlderLayoutThatFinishesLater(FxRobot robot) throws Exception {
        AutogradPicture older = picture("old");
        AutogradPicture newer = picture("new");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch olderDone = new CountDownLatch(1);
        Function<AutogradPicture, AutogradLayout> layout = p -> {
            if (p == older) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // cancelled: lay out anyway, the result must be dropped
                }
                olderDone.countDown();
            }
            return AutogradLayout.of(p);
        };
        AutogradLayoutRunner runner = new AutogradLayoutRunner(view, layout);

        robot.interact(() -> runner.show(older));
        assertTrue(view.busyProperty().get(), "the spinner turns while Graphviz works");
        robot.interact(() -> runner.show(newer));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.picture() == newer);
        release.countDown();
        assertTrue(olderDone.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        assertSame(newer, view.picture());
        assertFalse(view.busyProperty().get());
        assertFalse(runner.isRunning());
        assertEquals("new", view.nodeView("n3").orElseThrow().node().variable());
    }

    @Test
    void aFailedLayoutSaysWhyInThePlaceholder(FxRobot robot) throws Exception {
        AutogradLayoutRunner runner = new AutogradLayoutRunner(view, p -> {
            throw new RenderException("dot exited with code 1");
        });

        robot.interact(() -> runner.show(picture("x")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !runner.isRunning());

        assertEquals("Graphviz could not lay out the autograd graph: dot exited with code 1", view.placeholderText());
        assertFalse(view.busyProperty().get());
    }

    @Test
    void withoutAGraphThePlaceholderTellsWhatToDo(FxRobot robot) {
        robot.interact(() -> view.showPlaceholder("Run Forward to build the autograd graph"));
        assertEquals("Run Forward to build the autograd graph", view.placeholderText());
        assertTrue(view.nodeViews().isEmpty());
    }
}
