package org.gradviz.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The bounded undo and redo stacks of {@link Edit}s, and a revision counter: every record, undo or redo
 * moves the revision, and the document is unsaved while the revision differs from the one last saved.
 */
public final class EditHistory {
    /** How many edits Undo can go back by default. */
    public static final int DEFAULT_LIMIT = 500;

    private final int limit;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private long nextRevision = 1;
    private long savedRevision;
    /** The revision each stack entry leads back to, so undoing to the saved state clears the mark. */
    private final Deque<Long> undoRevisions = new ArrayDeque<>();
    private final Deque<Long> redoRevisions = new ArrayDeque<>();

    public EditHistory() {
        this(DEFAULT_LIMIT);
    }

    public EditHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Records an edit that has just been applied; clears the redo stack. */
    public void record(Edit edit) {
        undo.push(edit);
        undoRevisions.push(revision.get());
        if (undo.size() > limit) {
            undo.removeLast();
            undoRevisions.removeLast();
        }
        redo.clear();
        redoRevisions.clear();
        revision.set(nextRevision++);
        update();
    }

    /** Takes the last edit off the undo stack; the caller restores its {@code before}. */
    public Optional<Edit> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Edit edit = undo.pop();
        redo.push(edit);
        redoRevisions.push(revision.get());
        revision.set(undoRevisions.pop());
        update();
        return Optional.of(edit);
    }

    /** Takes the last edit off the undo stack as if it had never been made (nothing to redo); the caller restores its {@code before}. */
    public Optional<Edit> withdraw() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Edit edit = undo.pop();
        revision.set(undoRevisions.pop());
        update();
        return Optional.of(edit);
    }

    /** Takes the last undone edit back; the caller restores its {@code after}. */
    public Optional<Edit> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Edit edit = redo.pop();
        undo.push(edit);
        undoRevisions.push(revision.get());
        revision.set(redoRevisions.pop());
        update();
        return Optional.of(edit);
    }

    /** Forgets every edit, for a document just opened or created; it counts as saved. */
    public void clear() {
        undo.clear();
        redo.clear();
        undoRevisions.clear();
        redoRevisions.clear();
        revision.set(nextRevision++);
        savedRevision = revision.get();
        update();
    }

    /** The current state is what is on disk now. */
    public void markSaved() {
        savedRevision = revision.get();
        update();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(Edit::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(Edit::description);
    }

    public int undoSize() {
        return undo.size();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        unsaved.set(revision.get() != savedRevision);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }
}
