package org.gradviz.app.shell;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.util.Duration;
import org.gradviz.app.document.GraphDocument;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphEdits;
import org.gradviz.app.editor.ScreenArrangement;
import org.gradviz.app.editor.canvas.GraphCanvas;

/**
 * While presenting, keeps the network packed to fill the screen ({@link ScreenArrangement}) as the screen, the
 * text size or the views shown change: one undoable edit, "Arrange for the screen", replaced by the next
 * arrangement and taken back when presentation mode ends, so the document is left as it was. An arrangement
 * that would not make the picture larger than the user's own layout is not made.
 */
final class ScreenFit {
    /** Presentation mode fits the graph this close to the screen's edges (view pixels). */
    static final double MARGIN = 8;
    /** Space between boxes at text scale 100 %, room for an edge and its label. */
    private static final double GAP = 2 * org.gradviz.app.editor.EdgeRoute.RUN_OUT;
    /** Worth moving the user's boxes only for a picture at least this much larger. */
    private static final double WORTH_IT = 1.05;
    private static final String EDIT = "Arrange for the screen";

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final PauseTransition settle = new PauseTransition(Duration.millis(150));
    private final InvalidationListener resized = obs -> settle.playFromStart();
    private GraphDocument arranged;
    /** The document as it was before {@link #arranged}: its positions are the user's own layout. */
    private GraphDocument own;
    private boolean on;

    ScreenFit(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        settle.setOnFinished(e -> arrange());
    }

    /** Starts packing (once the screen has settled) and keeps doing it on every resize until {@link #stop}. */
    void start() {
        on = true;
        canvas.widthProperty().addListener(resized);
        canvas.heightProperty().addListener(resized);
        settle.playFromStart();
    }

    /** Stops, and puts the boxes back where they were unless something was changed since they were packed. */
    void stop() {
        on = false;
        settle.stop();
        canvas.widthProperty().removeListener(resized);
        canvas.heightProperty().removeListener(resized);
        if (arranged != null) {
            model.withdraw(arranged);
            arranged = null;
        }
    }

    /** Packs again for the boxes' sizes now (the text size changed); does nothing when not presenting. */
    void arrangeLater() {
        if (on) {
            settle.playFromStart();
        }
    }

    boolean isOn() {
        return on;
    }

    private void arrange() {
        if (!on) {
            return;
        }
        canvas.applyCss();
        canvas.layout();
        double width = canvas.getWidth() - 2 * MARGIN;
        double height = canvas.getHeight() - 2 * MARGIN;
        boolean replacing = arranged != null && model.document() == arranged;
        GraphDocument users = replacing ? own : model.document();
        ScreenArrangement packing = new ScreenArrangement(canvas.boxSizes(), users.edges(),
                GAP * model.display().fontScale());
        packing.arrange(width, height).ifPresent(best -> {
            boolean better = best.scale() > WORTH_IT * packing.scaleOf(users.positions(), width, height);
            if (replacing) {
                model.withdraw(arranged);
                arranged = null;
            }
            GraphDocument before = model.document();
            if (better && model.apply(EDIT, d -> GraphEdits.move(d, best.places()))) {
                own = before;
                arranged = model.document();
            }
        });
        canvas.fit();
    }
}
