package org.gradviz.app.editor;

import org.gradviz.app.document.GraphDocument;

/**
 * One undoable change of the graph: the document before and after, and what the Edit menu calls it
 * ("Connect z → loss.input"). Documents are immutable records, so undo restores {@code before} exactly.
 */
public record Edit(String description, GraphDocument before, GraphDocument after) {
}
