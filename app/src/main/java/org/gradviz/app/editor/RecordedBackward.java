package org.gradviz.app.editor;

import java.util.List;
import org.gradviz.app.animation.Board;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.render.AutogradPicture;
import org.gradviz.app.render.GraphOptions;

/**
 * A document's backward pass as the window records it when F5 (Forward) then F6 (Backward) are pressed on a freshly
 * opened document: the recording of {@code output.backward()}, its board before being where Forward left the boxes,
 * and the autograd picture of the output after it, numbered as the recording numbers nodes and tensors.
 */
public record RecordedBackward(Recording recording, AutogradPicture picture) {

    /**
     * Runs Forward then Backward on a new session of {@code document}; {@code options} are the picture's. Throws a
     * {@link DocumentException} saying what to fix when there is no backward to record (no output, an incomplete
     * graph, an output without grad_fn) or when the engine refused it.
     */
    public static RecordedBackward of(GraphDocument document, GraphOptions options) {
        RunSession session = new RunSession(document);
        Board start = SessionBoards.live(document, session);
        failOnError(session.forward(false));
        Recording forward = session.takeTrace().map(t -> new Recording(t.command(), start, t.events(), t.elements()))
                .orElseThrow(() -> new DocumentException("Forward recorded nothing"));
        AutogradGraph graph = session.autogradGraph(options);
        if (graph.picture() == null) {
            throw new DocumentException(graph.message());
        }
        failOnError(session.backward(false));
        Recording backward = session.takeTrace()
                .map(t -> new Recording(t.command(), forward.after(), t.events(), t.elements()))
                .orElseThrow(() -> new DocumentException("Backward recorded nothing"));
        return new RecordedBackward(backward, session.autogradGraph(options).picture());
    }

    /** The first error or note that says the command could not run as asked. */
    private static void failOnError(List<ConsoleLine> lines) {
        for (ConsoleLine line : lines) {
            if (line.kind() == ConsoleLine.Kind.ERROR || line.kind() == ConsoleLine.Kind.NOTE) {
                throw new DocumentException(line.text());
            }
        }
    }
}
