package org.gradviz.app.editor.canvas;

import javafx.animation.PathTransition;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.NetworkFlow;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.animation.view.FlowStyles;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.GraphState;

/**
 * Shows the player's step on the network view: the box the engine is at lights up, every connection a
 * gradient crossed carries its value (width and colour by size), and a pulse travels the connection of this
 * very step, backwards from the consumer to the producer.
 */
public final class FlowOverlay {
    static final String PULSE = "flow-pulse";

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final Circle pulse = new Circle(7);
    private final PathTransition travel = new PathTransition();
    private NetworkFlow shown = NetworkFlow.NONE;

    public FlowOverlay(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        pulse.getStyleClass().add(PULSE);
        pulse.setVisible(false);
        pulse.setMouseTransparent(true);
        canvas.overlay().getChildren().add(pulse);
        travel.setNode(pulse);
        travel.setOnFinished(e -> pulse.setVisible(false));
        TracePlayer player = model.player();
        player.frameProperty().addListener((obs, old, now) -> show(now));
        // boxes are redrawn (or come into a big graph's view): light them again
        canvas.boxesDrawnProperty().addListener((obs, old, now) -> apply(shown));
    }

    private void show(FlowFrame frame) {
        Recording recording = model.player().recordingProperty().get();
        GraphState state = model.stateProperty().get();
        shown = recording == null || state == null ? NetworkFlow.NONE
                : NetworkFlow.of(frame, recording.elements(), state.document(), model.player().edgeTargets());
        apply(shown);
        shown.connections().forEach((c, flow) -> {
            EdgeView edge = canvas.edgeViews().get(c);
            if (flow.current() && edge != null) {
                travelBackwards(edge.route());
            }
        });
    }

    private void apply(NetworkFlow flow) {
        canvas.showActive(flow.activeElements());
        // the active box's ring first: it grows the box, and the labels keep clear of the box as drawn
        model.stateProperty().get().elements().keySet().forEach(name -> {
            NodeView box = canvas.nodeView(name);
            if (box != null) {
                box.pseudoClassStateChanged(FlowStyles.ACTIVE, flow.activeElements().contains(name));
            }
        });
        canvas.withLabelsPlacedOnce(() -> {
            canvas.edgeViews().forEach((c, edge) -> edge.showFlow(flow.connections().get(c)));
            canvas.rerouteAfterRestyle();
        });
    }

    /** A dot from the consumer's end of the edge to the producer's: the way the gradient goes. */
    private void travelBackwards(org.gradviz.app.editor.EdgeRoute route) {
        Duration step = model.player().stepDuration().divide(Math.max(0.01, model.player().speedProperty().get()));
        if (step.lessThanOrEqualTo(Duration.ZERO)) {
            return;
        }
        javafx.scene.shape.Path back = Curves.path(route.reversed());
        travel.stop();
        travel.setPath(back);
        travel.setDuration(step.multiply(0.8));
        pulse.setVisible(true);
        travel.playFromStart();
    }

}
