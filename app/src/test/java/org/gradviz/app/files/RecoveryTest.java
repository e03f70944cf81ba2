package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.Examples;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.document.Position;
import org.gradviz.app.document.TensorRole;
import org.gradviz.app.editor.EditorModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final Instant CRASH = Instant.parse("2026-03-01T12:34:00Z");
    private static final long THIS_PID = 1;
    private static final long CRASHED_PID = 7;
    private static final long RUNNING_PID = 8;

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final EditorModel model = new EditorModel();

    private Path folder() {
        return dir.resolve("autosave");
    }

    private Recovery recovery() {
        return new Recovery(new AutosaveStore(folder(), THIS_PID, Clock.systemUTC()),
                pid -> Set.of(THIS_PID, RUNNING_PID).contains(pid), ZoneOffset.UTC);
    }

    /** What a session that crashed left: its unsaved document for {@code original}. */
    private GraphDocument leaveCopy(long pid, Path original) throws IOException {
        EditorModel crashed = new EditorModel();
        if (original != null) {
            crashed.load(new DocumentReader().readDraft(original), original);
        }
        crashed.addSource(TensorRole.INPUT, new Position(5, 5));
        new AutosaveStore(folder(), pid, Clock.fixed(CRASH, ZoneOffset.UTC)).write(crashed.document(), original);
        return crashed.document();
    }

    @Test
    void nothingToOfferWithoutLeftOverCopies() {
        assertFalse(recovery().offer(model, dialogs));
        assertEquals(List.of(), dialogs.asked);
    }

    @Test
    void aCopyOfARunningSessionIsNotOffered() throws IOException {
        leaveCopy(RUNNING_PID, null);

        assertFalse(recovery().offer(model, dialogs));

        assertEquals(List.of(), dialogs.asked);
        assertTrue(Files.exists(folder().resolve("session-" + RUNNING_PID + ".json")));
    }

    @Test
    void restoredWorkShowsAsUnsavedUnderItsOriginalFile() throws IOException {
        Path file = dir.resolve("net.json");
        Files.copy(Examples.file("one-layer-bce.json"), file);
        GraphDocument left = leaveCopy(CRASHED_PID, file);
        dialogs.restoreAnswers.add(true);

        assertTrue(recovery().offer(model, dialogs));

        assertEquals(List.of("Unsaved changes to net.json were autosaved at 2026-03-01 12:34. Restore them?"),
                dialogs.asked);
        assertEquals(left, model.document());
        assertEquals(file.toAbsolutePath(), model.fileProperty().get());
        assertTrue(model.history().unsavedProperty().get());
        assertEquals("• net.json — gradviz", model.titleProperty().get());
        assertFalse(Files.exists(folder().resolve("session-" + CRASHED_PID + ".json")));
    }

    @Test
    void undoAfterRestoreGoesBackToWhatIsOnDisk() throws IOException {
        Path file = dir.resolve("net.json");
        Files.copy(Examples.file("one-layer-bce.json"), file);
        leaveCopy(CRASHED_PID, file);
        dialogs.restoreAnswers.add(true);
        recovery().offer(model, dialogs);

        model.undo();

        assertEquals(new DocumentReader().read(file), model.document());
        assertFalse(model.history().unsavedProperty().get());
    }

    @Test
    void untitledWorkIsRestoredUntitled() throws IOException {
        GraphDocument left = leaveCopy(CRASHED_PID, null);
        dialogs.restoreAnswers.add(true);

        recovery().offer(model, dialogs);

        assertEquals(left, model.document());
        assertEquals(null, model.fileProperty().get());
        assertTrue(model.history().unsavedProperty().get());
    }

    @Test
    void declinedCopyIsDeletedAndTheEditorStaysEmpty() throws IOException {
        leaveCopy(CRASHED_PID, null);
        dialogs.restoreAnswers.add(false);

        assertFalse(recovery().offer(model, dialogs));

        assertEquals(EditorModel.emptyDocument(), model.document());
        assertEquals(Optional.empty(), recovery().leftOver());
    }

    @Test
    void damagedCopyIsReportedInOneLineAndDeleted() throws IOException {
        Files.createDirectories(folder());
        Files.writeString(folder().resolve("session-" + CRASHED_PID + ".json"), "{\"document\": {");

        assertFalse(recovery().offer(model, dialogs));

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("damaged autosave"), dialogs.errors.get(0));
        assertEquals(1, dialogs.errors.get(0).lines().count());
        assertEquals(Optional.empty(), recovery().leftOver());
    }

    @Test
    void theNewestLeftOverIsOfferedFirstAndTheOtherWaits() throws IOException {
        leaveCopy(CRASHED_PID, null);
        Path older = folder().resolve("session-" + CRASHED_PID + ".json");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.from(CRASH.minusSeconds(3600)));
        leaveCopy(CRASHED_PID + 2, null);
        dialogs.restoreAnswers.add(false);

        recovery().offer(model, dialogs);

        assertEquals(Optional.of(older), recovery().leftOver().map(AutosaveStore.Entry::file));
    }
}
