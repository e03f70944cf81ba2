package org.gradviz.app.animation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private Map<Integer, ChainRuleView> byNode = Map.of();

    public LensModel(TracePlayer player) {
        this.player = player;
        player.recordingProperty().addListener((obs, old, now) -> explain(now));
        player.frameProperty().addListener((obs, old, now) -> show(now));
        explain(player.recordingProperty().get());
        show(player.frameProperty().get());
    }

    private void explain(Recording recording) {
        Map<Integer, ChainRuleView> views = new HashMap<>();
        if (recording != null) {
            List<ChainRuleView> all = ChainRuleLens.explainAll(recording.events());
            all.forEach(v -> views.put(v.nodeId(), v));
        }
        byNode = views;
    }

    private void show(FlowFrame frame) {
        current.set(frame == null || frame.activeNode() == null ? null : byNode.get(frame.activeNode()));
    }

    public ReadOnlyObjectProperty<ChainRuleView> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
