package org.gradviz.app.editor.panels;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.gradviz.app.editor.PaletteEntry;

/**
 * The palette: tensor sources and every op, grouped. Drag an entry onto the canvas to add it there
 * (a full press-drag-release gesture the canvas receives); double-clicking an entry adds it in the
 * middle of the view.
 */
public final class PaletteView extends ScrollPane {
    public static final String STYLE = "palette";
    public static final String ENTRY = "palette-entry";
    /** Wide enough for the longest entry, binary_cross_entropy_with_logits, beside a vertical scroll bar. */
    private static final double PREF_WIDTH = 348;

    private final java.util.function.Consumer<PaletteEntry> addInView;

    public PaletteView(java.util.function.Consumer<PaletteEntry> addInView) {
        this.addInView = addInView;
        getStyleClass().add(STYLE);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        Map<String, FlowPane> groups = new LinkedHashMap<>();
        for (PaletteEntry entry : PaletteEntry.all()) {
            groups.computeIfAbsent(entry.group(), g -> {
                FlowPane flow = new FlowPane(6, 6);
                flow.setPrefWrapLength(PREF_WIDTH - 40);
                return flow;
            }).getChildren().add(entryLabel(entry));
        }
        VBox box = new VBox(4);
        groups.forEach((group, flow) -> {
            TitledPane pane = new TitledPane(group, flow);
            pane.setAnimated(false);
            box.getChildren().add(pane);
        });
        setContent(box);
        setMinWidth(PREF_WIDTH);
        setPrefWidth(PREF_WIDTH);
    }

    private Label entryLabel(PaletteEntry entry) {
        Label label = new Label(entry.label());
        label.getStyleClass().add(ENTRY);
        label.setId("palette-" + entry.label());
        label.setUserData(entry);
        label.setCursor(Cursor.OPEN_HAND);
        label.setOnDragDetected(e -> {
            label.startFullDrag();
            label.setCursor(Cursor.CLOSED_HAND);
        });
        label.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> label.setCursor(Cursor.OPEN_HAND));
        label.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                addInView.accept(entry);
            }
        });
        return label;
    }
}
