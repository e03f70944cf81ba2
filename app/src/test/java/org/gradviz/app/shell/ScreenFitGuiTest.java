package org.gradviz.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphEdits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode's packing for the screen is searched off the FX thread (the search takes a tenth of a second and
 * more with software rendering under load): the FX thread only asks, and applies what comes back unless the document
 * changed meanwhile. Each search is handed to an executor the test holds, so the test decides when it runs.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ScreenFitGuiTest {
    private final LinkedBlockingQueue<Runnable> searches = new LinkedBlockingQueue<>();
    private EditorModel model;
    private MainWindowView view;
    private ScreenFit fit;
    /** The boxes in one long row: any packing for a screen shows them larger. */
    private GraphDocument inARow;

    @Start
    void start(Stage stage) {
        Path file = Examples.file("one-layer-bce.json");
        model = new EditorModel(new DocumentReader().read(file), file);
        view = MainWindow.install(stage, model, s -> "");
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
        Map<String, Position> row = new LinkedHashMap<>();
        model.document().positions().keySet().forEach(name -> row.put(name, new Position(600.0 * row.size(), 0)));
        model.apply("Line up", d -> GraphEdits.move(d, row));
        inARow = model.document();
        fit = new ScreenFit(model, view.canvas(), searches::add);
    }

    @Test
    void theFxThreadAsksForThePackingAndAppliesItWhenTheSearchEnds(FxRobot robot) throws Exception {
        robot.interact(fit::start);
        Runnable search = nextSearch();

        robot.interact(() -> {
            assertSame(inARow, model.document(), "nothing is moved before the search has run");
            assertTrue(fit.pendingProperty().get(), "the packing is still to come");
        });
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            ranOn.set(Thread.currentThread());
            search.run();
        }, "test-search");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            assertNotEquals(inARow.positions(), model.document().positions(), "the boxes were packed");
            assertFalse(fit.pendingProperty().get());
        });
        assertEquals("test-search", ranOn.get().getName());
    }

    @Test
    void aPackingFoundForADocumentThatChangedMeanwhileIsDropped(FxRobot robot) throws Exception {
        robot.interact(fit::start);
        Runnable search = nextSearch();
        Map<String, Position> moved = new LinkedHashMap<>(inARow.positions());
        String first = moved.keySet().iterator().next();
        moved.put(first, new Position(-300, 200));
        AtomicReference<GraphDocument> edited = new AtomicReference<>();
        robot.interact(() -> {
            model.apply("Move " + first, d -> GraphEdits.move(d, moved));
            edited.set(model.document());
        });

        Thread worker = new Thread(search, "test-search");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> {
            assertSame(edited.get(), model.document(), "the packing of the boxes before the move is not applied");
            assertFalse(fit.pendingProperty().get());
        });
    }

    @Test
    void aSearchOverTakenByALaterOneIsDropped(FxRobot robot) throws Exception {
        robot.interact(fit::start);
        Runnable older = nextSearch();
        robot.interact(fit::arrangeLater);
        Runnable newer = nextSearch();

        older.run(); // on this test thread, not the FX thread
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertSame(inARow, model.document(), "the older search's packing is not applied");
            assertTrue(fit.pendingProperty().get(), "the newer one is still to come");
        });

        newer.run();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertNotEquals(inARow.positions(), model.document().positions(), "the newer search's packing is");
            assertFalse(fit.pendingProperty().get());
        });
    }

    /** The search handed to the executor once the screen has settled. */
    private Runnable nextSearch() throws InterruptedException, TimeoutException {
        Runnable search = searches.poll(20, TimeUnit.SECONDS);
        if (search == null) {
            throw new TimeoutException("no search for a packing was asked for within 20 s");
        }
        return search;
    }
}
