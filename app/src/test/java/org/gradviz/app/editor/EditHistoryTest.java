package org.gradviz.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    private static Edit edit(String description) {
        return new Edit(description, EditorModel.emptyDocument(), EditorModel.emptyDocument());
    }

    @Test
    void keepsOnlyTheNewestEditsUpToItsLimit() {
        EditHistory history = new EditHistory(3);
        for (int i = 1; i <= 5; i++) {
            history.record(edit("e" + i));
        }
        assertEquals(3, history.undoSize());
        assertEquals("e5", history.undo().orElseThrow().description());
        assertEquals("e4", history.undo().orElseThrow().description());
        assertEquals("e3", history.undo().orElseThrow().description());
        assertEquals(Optional.empty(), history.undo());
    }

    @Test
    void aNewEditClearsRedo() {
        EditHistory history = new EditHistory();
        history.record(edit("a"));
        history.undo();
        assertTrue(history.canRedoProperty().get());
        history.record(edit("b"));
        assertFalse(history.canRedoProperty().get());
    }

    @Test
    void undoingBackToTheSavedStateClearsTheUnsavedMarkAndRedoSetsItAgain() {
        EditHistory history = new EditHistory();
        history.record(edit("a"));
        history.markSaved();
        history.record(edit("b"));
        assertTrue(history.unsavedProperty().get());
        history.undo();
        assertFalse(history.unsavedProperty().get());
        history.undo();
        assertTrue(history.unsavedProperty().get(), "before the save is unsaved too");
        history.redo();
        assertFalse(history.unsavedProperty().get());
    }
}
