package org.gradviz.app.animation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.gradviz.app.animation.lens.ChainRuleLens;
import org.gradviz.app.animation.lens.ChainRuleView;

/**
 * The chain-rule lens of the player's step: the rule, with the recording's numbers, of the node the engine is
 * at (null before a node runs, after the pass, and outside backward).
 */
public final class LensModel {
    private final TracePlayer player;
    private final ReadOnlyObjectWrapper<ChainRuleView> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<List<ChainRuleView>> all = new ReadOnlyObjectWrapper<>(this, "all", List.of());
    private final ReadOnlyBooleanWrapper stepping = new ReadOnlyBooleanWrapper(this, "stepping", false);
    private Map<Integer, ChainRuleView> byNode = Map.of();

    public LensModel(TracePlayer player) {
        this.player = player;
        player.recordingProperty().addListener((obs, old, now) -> explain(now));
        player.frameProperty().addListener((obs, old, now) -> show(now));
        player.positionProperty().addListener((obs, old, now) -> follow(now.intValue()));
        explain(player.recordingProperty().get());
        show(player.frameProperty().get());
    }

    private void explain(Recording recording) {
        Map<Integer, ChainRuleView> views = new HashMap<>();
        List<ChainRuleView> explained = recording == null ? List.of() : ChainRuleLens.explainAll(recording.events());
        explained.forEach(v -> views.put(v.nodeId(), v));
        byNode = views;
        stepping.set(false);
        all.set(explained);
    }

    /**
     * Stepping from the first step of a pass that has lenses on; back at its start, off. At its end it stays as it
     * was: on when the presenter stepped (or played) there, off when the pass was shown at its end at once.
     */
    private void follow(int position) {
        Recording recording = player.recordingProperty().get();
        if (recording == null || position == 0 || all.get().isEmpty()) {
            stepping.set(false);
        } else if (position < recording.size()) {
            stepping.set(true);
        }
    }

    private void show(FlowFrame frame) {
        current.set(frame == null || frame.activeNode() == null ? null : byNode.get(frame.activeNode()));
    }

    /** Every lens of the recording, in the engine's order (empty before a pass): the largest decides the lens band. */
    public ReadOnlyObjectProperty<List<ChainRuleView>> allProperty() {
        return all.getReadOnlyProperty();
    }

    /**
     * Whether the player is stepping through a pass with lenses: from its first step to its end when reached from
     * inside; not at its start, nor when the pass was jumped to its end from there. While it is, presentation mode
     * keeps the lens band, so the boxes stay where they are.
     */
    public ReadOnlyBooleanProperty steppingProperty() {
        return stepping.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChainRuleView> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
