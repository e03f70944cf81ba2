package org.gradviz.app.shell;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
 * that would not make the picture larger than the user's own layout is not made. The search for the packing runs off
 * the FX thread (it tries many cuttings: a tenth of a second and more); its result is applied when it arrives unless
 * the document or the screen changed meanwhile.
 */
final class ScreenFit {
    /** Presentation mode fits the graph this close to the screen's edges (view pixels). */
    static final double MARGIN = 8;
    private static final String EDIT = "Arrange for the screen";

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final Executor searches;
    /** Counts the packings asked for: only the latest one's result is applied. */
    private volatile long asked;
    private final javafx.beans.property.ReadOnlyBooleanWrapper pending =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "pending", false);
    private final PauseTransition settle = new PauseTransition(Duration.millis(150));
    private final InvalidationListener resized = obs -> due();
    private GraphDocument arranged;
    /** The document as it was before {@link #arranged}: its positions are the user's own layout. */
    private GraphDocument own;
    private boolean on;

    ScreenFit(EditorModel model, GraphCanvas canvas) {
        this(model, canvas, SEARCH_THREAD);
    }

    /** {@code searches} runs each search for a packing, off the FX thread. */
    ScreenFit(EditorModel model, GraphCanvas canvas, Executor searches) {
        this.model = model;
        this.canvas = canvas;
        this.searches = searches;
        settle.setOnFinished(e -> arrange());
    }

    /** Starts packing (once the screen has settled) and keeps doing it on every resize until {@link #stop}. */
    void start() {
        on = true;
        canvas.widthProperty().addListener(resized);
        canvas.heightProperty().addListener(resized);
        due();
    }

    /** Stops, and puts the boxes back where they were unless something was changed since they were packed. */
    void stop() {
        on = false;
        settle.stop();
        asked++; // a search under way is dropped when it ends
        pending.set(false);
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
            due();
        }
    }

    boolean isOn() {
        return on;
    }

    /**
     * True from the moment a packing is due (presenting starts, the screen or the text size changes) until it has been
     * applied or found not worth it.
     */
    javafx.beans.property.ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    private void due() {
        pending.set(true);
        settle.playFromStart();
    }

    /** Asks for the packing of the boxes as they are now, for the canvas as it is now; applied when it arrives. */
    private void arrange() {
        if (!on) {
            pending.set(false);
            return;
        }
        canvas.applyCss();
        canvas.layout();
        double width = canvas.getWidth() - 2 * MARGIN;
        double height = canvas.getHeight() - 2 * MARGIN;
        boolean replacing = arranged != null && model.document() == arranged;
        GraphDocument users = replacing ? own : model.document();
        GraphDocument shown = model.document();
        // a document saved without positions (laid out as it loads) has no layout of its own to compare with
        java.util.Map<String, org.gradviz.app.document.Position> usersPlaces =
                users.positions() == null ? java.util.Map.of() : users.positions();
        ScreenArrangement packing = new ScreenArrangement(canvas.boxSizes(), users.edges(),
                ScreenArrangement.GAP * model.display().fontScale());
        long request = ++asked;
        searches.execute(() -> {
            if (!isLatest(request)) {
                return; // a later request replaced it before it started
            }
            Optional<Packing> found = Optional.empty();
            try {
                found = packing.arrange(width, height)
                        .map(best -> new Packing(best,
                                packing.isWorthIt(best, usersPlaces, width, height, Double.POSITIVE_INFINITY)));
            } finally { // a search that failed packs nothing, and presentation mode goes on as it is
                Optional<Packing> result = found;
                Platform.runLater(() -> arrived(request, shown, replacing, result));
            }
        });
    }

    /** What a search found: the best packing, and whether it shows the picture larger than the user's own layout. */
    private record Packing(ScreenArrangement.Result best, boolean better) {
    }

    private boolean isLatest(long request) {
        return request == asked;
    }

    /**
     * Applies a search's packing on the FX thread, unless a later one was asked for or the document changed while it
     * ran (the boxes it packed are not those shown any more).
     */
    private void arrived(long request, GraphDocument shown, boolean replacing, Optional<Packing> found) {
        if (!on || request != asked) {
            return;
        }
        pending.set(settle.getStatus() == javafx.animation.Animation.Status.RUNNING); // the screen changed again
        if (model.document() != shown) {
            canvas.fit();
            return;
        }
        found.ifPresent(p -> {
            if (replacing) {
                model.withdraw(arranged);
                arranged = null;
            }
            GraphDocument before = model.document();
            if (p.better() && model.apply(EDIT, d -> GraphEdits.move(d, p.best().places()))) {
                own = before;
                arranged = model.document();
            }
        });
        canvas.fit();
    }

    /** One thread for every window's searches, idle when none runs. */
    private static final Executor SEARCH_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "gradviz-screen-arrangement");
        thread.setDaemon(true);
        return thread;
    });
}
