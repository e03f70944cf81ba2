package org.gradviz.app.animation.view;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.gradviz.app.animation.FlowFrame;
import org.gradviz.app.animation.Recording;
import org.gradviz.app.animation.TracePlayer;
import org.gradviz.app.icons.Icons;

/**
 * The player's controls under the graph: restart, step back, play/pause, step forward, end (Home, ←, Space,
 * →, End), the scrub bar, the speed, which step of how many, and one sentence saying what the engine did
 * at this step. Only binds to the {@link TracePlayer} and calls its commands.
 */
public final class PlayerBar extends VBox {
    public static final String STYLE = "player-bar";

    private final TracePlayer player;
    private final Slider scrub = new Slider(0, 0, 0);
    private final Label counter = new Label();
    private final Label caption = new Label();
    private final Label compactCounter = new Label();
    private HBox controls;
    private FlowLegend legend;
    private boolean updatingScrub;

    public PlayerBar(TracePlayer player) {
        this.player = player;
        createView();
        initListeners();
        showRecording(player.recordingProperty().get());
        showFrame(player.frameProperty().get());
    }

    private void createView() {
        getStyleClass().add(STYLE);
        Button restart = button("restart", Icons.PLAYER_RESTART, "Back to before the command (Home)", player::restart);
        Button back = button("step-back", Icons.PLAYER_STEP_BACK, "One step back (←)", player::stepBack);
        Button play = button("play", Icons.PLAYER_PLAY, "Play or pause (Space)", player::togglePlay);
        play.graphicProperty().bind(Bindings.when(player.playingProperty())
                .then(Icons.PLAYER_PAUSE.create()).otherwise(Icons.PLAYER_PLAY.create()));
        Button forward = button("step-forward", Icons.PLAYER_STEP_FORWARD, "One step forward (→)", player::stepForward);
        Button end = button("end", Icons.PLAYER_END, "To the end of the command (End)", player::end);
        scrub.setId("player-scrub");
        scrub.setFocusTraversable(false);
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        scrub.setSnapToTicks(true);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMaxWidth(Double.MAX_VALUE);
        counter.setId("player-counter");
        counter.getStyleClass().add("player-counter");
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("player-speed");
        speed.setFocusTraversable(false);
        for (double s : TracePlayer.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : (value == Math.rint(value) ? String.valueOf(value.intValue()) : value) + "×";
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.setValue(player.speedProperty().get());
        speed.valueProperty().addListener((obs, old, now) -> player.speedProperty().set(now));
        speed.setTooltip(new Tooltip("Speed of play"));
        controls = new HBox(6, restart, back, play, forward, end, scrub, counter, speed);
        controls.setAlignment(Pos.CENTER_LEFT);
        caption.setId("player-caption");
        caption.getStyleClass().add("player-caption");
        caption.setWrapText(true);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinHeight(USE_PREF_SIZE); // wraps onto more lines rather than ending in "…"
        HBox.setHgrow(caption, Priority.ALWAYS);
        compactCounter.getStyleClass().add("player-counter");
        compactCounter.textProperty().bind(counter.textProperty());
        compactCounter.setMinWidth(USE_PREF_SIZE);
        legend = new FlowLegend();
        getChildren().addAll(controls, new HBox(12, caption, compactCounter), legend);
        setCompact(false);
        disableProperty().bind(player.recordingProperty().isNull());
    }

    /**
     * Compact (presentation mode: the clicker steps, the graph wants the screen): only the sentence and the step
     * count, on one line; otherwise the buttons, scrub bar and legend too.
     */
    public void setCompact(boolean compact) {
        shown(controls, !compact);
        shown(legend, !compact);
        shown(compactCounter, compact);
    }

    private static void shown(javafx.scene.Node part, boolean shown) {
        part.setVisible(shown);
        part.setManaged(shown);
    }

    private void initListeners() {
        player.recordingProperty().addListener((obs, old, now) -> showRecording(now));
        player.frameProperty().addListener((obs, old, now) -> showFrame(now));
        scrub.valueProperty().addListener((obs, old, now) -> {
            if (!updatingScrub) {
                player.seek((int) Math.round(now.doubleValue()));
            }
        });
    }

    private void showRecording(Recording recording) {
        updatingScrub = true;
        scrub.setMax(recording == null ? 0 : recording.size());
        updatingScrub = false;
    }

    private void showFrame(FlowFrame frame) {
        Recording recording = player.recordingProperty().get();
        updatingScrub = true;
        scrub.setValue(frame.position());
        updatingScrub = false;
        counter.setText(recording == null ? "no steps recorded"
                : "step " + frame.position() + " of " + recording.size());
        caption.setText(recording == null ? "Run Forward (F5) and Backward (F6) to watch the gradient flow"
                : frame.caption());
        caption.pseudoClassStateChanged(FlowStyles.FAILED, frame.error() != null
                && frame.position() == (recording == null ? 0 : recording.size()));
    }

    private static Button button(String id, Icons icon, String tip, Runnable action) {
        Button button = new Button(null, icon.create(22));
        button.setId("player-" + id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }
}
