package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaveTest {
    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private final EditorModel model = new EditorModel();
    private final ManualScheduler scheduler = new ManualScheduler();
    /** The IO thread, run by hand so a test sees that writing happens there and not on the caller. */
    private final Deque<Runnable> io = new ArrayDeque<>();
    private final Executor ioExecutor = io::add;
    private AutosaveStore store;
    private Autosave autosave;

    private Autosave start() {
        store = new AutosaveStore(dir.resolve("autosave"), 4242, Clock.fixed(NOON, ZoneOffset.UTC));
        autosave = new Autosave(model, store, scheduler, ioExecutor).start();
        return autosave;
    }

    private void runIo() {
        while (!io.isEmpty()) {
            io.removeFirst().run();
        }
    }

    private void edit(double x) {
        model.addSource(TensorRole.INPUT, new Position(x, 0));
    }

    private AutosaveStore.Recovered copy() {
        return store.read(new AutosaveStore.Entry(store.file(), 4242, NOON));
    }

    @Test
    void nothingIsWrittenWhileTheDocumentIsSaved() {
        start();
        scheduler.advance(Duration.ofMinutes(5));
        runIo();

        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aCopyIsWrittenOffTheCallerOnceEditsPause() {
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET.minusMillis(1));
        runIo();
        assertFalse(Files.exists(store.file()), "written before the pause");

        scheduler.advance(Duration.ofMillis(1));
        assertFalse(Files.exists(store.file()), "written on the FX thread, not the IO executor");
        runIo();

        assertEquals(model.document(), copy().document());
        assertEquals(Optional.empty(), copy().original());
        assertEquals(NOON, copy().savedAt());
    }

    @Test
    void editsThatNeverPauseAreStillWrittenWithinTheMaximumDelay() {
        start();
        for (int second = 0; second < 30; second++) {
            edit(second);
            scheduler.advance(Duration.ofSeconds(1));
        }
        runIo();

        assertTrue(Files.exists(store.file()), "no copy after 30 s of constant edits");
    }

    @Test
    void theCopyNamesTheDocumentsFile() throws Exception {
        Path file = dir.resolve("net.json");
        Files.copy(Examples.file("one-layer-bce.json"), file);
        model.load(new org.gradviz.app.document.DocumentReader().read(file), file);
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        runIo();

        assertEquals(Optional.of(file.toAbsolutePath()), copy().original());
    }

    @Test
    void savingDeletesTheCopy() {
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        runIo();
        assertTrue(Files.exists(store.file()));

        model.markSaved(dir.resolve("net.json"));
        runIo();

        assertFalse(Files.exists(store.file()));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void undoingBackToTheSavedStateDeletesTheCopyAndCancelsTheTimers() {
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        edit(1);
        model.undo();
        model.undo();
        runIo();

        assertFalse(Files.exists(store.file()));
        assertEquals(0, scheduler.pending());
    }

    @Test
    void eachChangeWritesTheLatestDocument() {
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        edit(1);
        scheduler.advance(Autosave.QUIET);
        runIo();

        assertEquals(2, copy().document().tensors().size());
    }

    @Test
    void aCleanCloseDeletesTheCopyAndStopsWatching() {
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        runIo();

        autosave.close();
        edit(1);
        scheduler.advance(Duration.ofMinutes(1));
        runIo();

        assertFalse(Files.exists(store.file()));
    }

    @Test
    void aFailedWriteLeavesTheEditorWorking() throws Exception {
        Files.writeString(dir.resolve("autosave"), "a file where the folder should be");
        start();
        edit(0);
        scheduler.advance(Autosave.QUIET);
        runIo();

        assertTrue(model.history().unsavedProperty().get());
    }

    @Test
    void closingTwiceDoesNothingTheSecondTime() {
        start();
        autosave.close();
        runIo();

        autosave.close();

        assertTrue(io.isEmpty(), "the second close queued IO work on a closed executor");
    }
}
