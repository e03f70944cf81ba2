package org.gradviz.app.animation.view;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.util.Duration;
import org.gradviz.app.animation.ElementMap;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.editor.AutogradGraph;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.render.PictureNode;

/**
 * Keeps the autograd view on the model: the picture of the graph the engine built (laid out off the FX thread),
 * the player's step on it (the node running, those done, what each edge carried, a pulse on the edge of this
 * step, {@code grad: before → after} under AccumulateGrad), and the selection linked with the network view:
 * selecting a box there highlights its nodes here, clicking a node here selects its box there.
 */
public final class AutogradFlow {
    private final EditorModel model;
    private final AutogradView view;
    private final AutogradLayoutRunner layouts;

    public AutogradFlow(EditorModel model, AutogradView view) {
        this.model = model;
        this.view = view;
        this.layouts = new AutogradLayoutRunner(view);
        model.autogradProperty().addListener((obs, old, now) -> showGraph(now));
        model.player().frameProperty().addListener((obs, old, now) -> showFrame(now, true));
        model.selection().addListener((javafx.collections.ListChangeListener<String>) c -> showSelection());
        view.setOnNodeClicked(this::selectCounterpart);
        showGraph(model.autogradProperty().get());
    }

    private void showGraph(AutogradGraph graph) {
        if (graph.picture() == null) {
            layouts.cancel();
            view.showPlaceholder(graph.message());
            return;
        }
        // the frame and the selection go on again once the picture is laid out and shown
        layouts.show(graph.picture(), () -> {
            showFrame(model.player().frameProperty().get(), false);
            showSelection();
        });
    }

    private void showFrame(FlowFrame frame, boolean pulse) {
        if (view.picture() == null) {
            return;
        }
        view.clearStates();
        if (frame.activeNode() != null) {
            view.nodeView(frame.activeNode()).ifPresent(n -> n.setState(NodeState.RUNNING, true));
        }
        frame.doneNodes().forEach(id -> view.nodeView(id).ifPresent(n -> n.setState(NodeState.DONE, true)));
        frame.nodeNotes().forEach((id, note) -> view.nodeView(id).ifPresent(n -> n.setNote(note)));
        frame.gradEdges().forEach((edge, flow) -> view.edgeView(edge.fromNode(), edge.inputIndex()).ifPresent(e -> {
            e.setLabel(flow.label());
            e.setMagnitude(GradientMagnitude.of(flow.maxAbs()));
            e.setState(EdgeState.DONE, true);
            e.setState(EdgeState.ACTIVE, flow.current());
            Duration step = stepDuration();
            if (pulse && flow.current() && step.greaterThan(Duration.ZERO)) {
                view.pulse(e, step.multiply(0.8));
            }
        }));
        showSelection();
    }

    private Duration stepDuration() {
        TracePlayer player = model.player();
        return player.stepDuration().divide(Math.max(0.01, player.speedProperty().get()));
    }

    /** The nodes and tensor boxes of the boxes selected in the network view, highlighted. */
    private void showSelection() {
        if (view.picture() == null) {
            return;
        }
        Set<String> selected = new LinkedHashSet<>(model.selection());
        ElementMap elements = model.autogradProperty().get().elements();
        for (AutogradNodeView n : view.nodeViews()) {
            n.setState(NodeState.HIGHLIGHTED, !selected.isEmpty() && selected.contains(elementOf(n.node(), elements)));
        }
    }

    private void selectCounterpart(PictureNode node) {
        String element = elementOf(node, model.autogradProperty().get().elements());
        if (element != null) {
            model.selectOnly(element);
        }
    }

    /** The network box a picture node belongs to: its engine node's, else its tensor's; null for none. */
    static String elementOf(PictureNode node, ElementMap elements) {
        if (node.nodeNumber() >= 0) {
            String element = elements.elementOfNode(node.nodeNumber()).orElse(null);
            if (element != null) {
                return element;
            }
        }
        return node.tensorNumber() >= 0 ? elements.elementOfTensor(node.tensorNumber()).orElse(null) : null;
    }

}
