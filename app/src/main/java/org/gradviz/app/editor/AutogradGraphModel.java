package org.gradviz.app.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.gradviz.app.render.GraphOptions;

/**
 * What the autograd view shows: the graph of the last Forward's output as the engine built it (after detach or
 * no_grad too), drawn with or without saved tensors and attributes (torchviz's {@code show_saved},
 * {@code show_attrs}); made again whenever the session changes or an option does.
 */
public final class AutogradGraphModel {
    private final ReadOnlyObjectWrapper<AutogradGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph",
            AutogradGraph.none(""));
    private final BooleanProperty showSaved = new SimpleBooleanProperty(this, "showSaved", false);
    private final BooleanProperty showAttrs = new SimpleBooleanProperty(this, "showAttrs", false);
    private RunSession session;

    AutogradGraphModel() {
        showSaved.addListener((obs, old, now) -> update(session));
        showAttrs.addListener((obs, old, now) -> update(session));
    }

    /** Draws {@code next}'s graph (the session after a command, a load or an edit). */
    void update(RunSession next) {
        session = next;
        if (next != null) {
            graph.set(next.autogradGraph(GraphOptions.DEFAULT.withShowSaved(showSaved.get())
                    .withShowAttrs(showAttrs.get())));
        }
    }

    public ReadOnlyObjectProperty<AutogradGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public BooleanProperty showSavedProperty() {
        return showSaved;
    }

    public BooleanProperty showAttrsProperty() {
        return showAttrs;
    }
}
