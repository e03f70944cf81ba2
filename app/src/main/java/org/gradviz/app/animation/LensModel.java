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
import org.gradviz.app.animation.lens.PassResult;

/**
 * The chain-rule lens of the player's step: the rule, with the recording's numbers, of the node the engine is
 * at (null before a node runs, after the pass, and outside backward); and at the end of a pass stepped through, what
 * it left: each leaf's {@code .grad} ({@link #resultProperty}).
 */
public final class LensModel {
    private final TracePlayer player;
    private final ReadOnlyObjectWrapper<ChainRuleView> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyObjectWrapper<List<ChainRuleView>> all = new ReadOnlyObjectWrapper<>(this, "all", List.of());
    private final ReadOnlyBooleanWrapper stepping = new ReadOnlyBooleanWrapper(this, "stepping", false);
    private final ReadOnlyObjectWrapper<PassResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished", false);
    private final ReadOnlyBooleanWrapper rewound = new ReadOnlyBooleanWrapper(this, "rewound", false);
    private Map<Integer, ChainRuleView> byNode = Map.of();
    private Map<String, Boolean> checks = Map.of();

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
        finished.set(false);
        rewound.set(false);
        summarise();
    }

    /**
     * The gradcheck's verdicts on the leaves' gradients, by leaf ({@code true}: passed; empty while none is known),
     * for the pass's result.
     */
    public void gradChecked(Map<String, Boolean> verdicts) {
        checks = Map.copyOf(verdicts);
        summarise();
    }

    private void summarise() {
        Recording recording = player.recordingProperty().get();
        result.set(recording == null || all.get().isEmpty() ? null
                : PassResult.of(recording, checks).orElse(null));
    }

    /**
     * Stepping from the first step of a pass that has lenses on. At its start and at its end it stays as it was: on
     * when the presenter stepped (or played) there, so Home from inside the pass leaves the boxes where they were;
     * off when the pass was shown at its end at once, or not stepped into yet. A new pass starts off.
     */
    private void follow(int position) {
        Recording recording = player.recordingProperty().get();
        if (recording == null || all.get().isEmpty()) {
            stepping.set(false);
        } else if (position > 0 && position < recording.size()) {
            stepping.set(true);
        }
        finished.set(stepping.get() && recording != null && position == recording.size());
        rewound.set(stepping.get() && position == 0);
    }

    private void show(FlowFrame frame) {
        current.set(frame == null || frame.activeNode() == null ? null : byNode.get(frame.activeNode()));
    }

    /** Every lens of the recording, in the engine's order (empty before a pass): the largest decides the lens band. */
    public ReadOnlyObjectProperty<List<ChainRuleView>> allProperty() {
        return all.getReadOnlyProperty();
    }

    /**
     * Whether the player is stepping through a pass with lenses: from its first step on, to its end and back to its
     * start (Home) when reached from inside; not before the pass was stepped into, nor when it was jumped to its end
     * from its start. While it is, presentation mode keeps the lens band, so the boxes stay where they are.
     */
    public ReadOnlyBooleanProperty steppingProperty() {
        return stepping.getReadOnlyProperty();
    }

    /**
     * What the pass left on the leaves (null before a pass, or when it wrote no leaf's grad): shown at its end while
     * {@link #finishedProperty} holds; the lens band is made tall enough for it too.
     */
    public ReadOnlyObjectProperty<PassResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the player is at the end of a pass it stepped through: then the lens band shows the pass's result. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /**
     * Whether the player is back at the start of a pass it stepped through (Home): the lens band, kept, says how to
     * go on.
     */
    public ReadOnlyBooleanProperty rewoundProperty() {
        return rewound.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChainRuleView> currentProperty() {
        return current.getReadOnlyProperty();
    }
}
