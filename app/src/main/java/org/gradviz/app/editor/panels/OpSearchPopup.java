package org.gradviz.app.editor.panels;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.gradviz.app.editor.PaletteEntry;

/** Type to find an op or source by name; Enter or a click adds the first or chosen match. */
public final class OpSearchPopup extends Popup {
    private final TextField query = new TextField();
    private final ListView<PaletteEntry> matches = new ListView<>();

    public OpSearchPopup(Consumer<PaletteEntry> chosen) {
        query.setId("op-search");
        query.setPromptText("Search ops: matmul, sigmoid, loss…");
        matches.setId("op-search-results");
        matches.setPrefSize(320, 260);
        matches.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PaletteEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.label() + "   (" + entry.group() + ")");
            }
        });
        matches.getItems().setAll(PaletteEntry.all());
        query.textProperty().addListener((obs, old, now) -> {
            matches.getItems().setAll(PaletteEntry.matching(now));
            matches.getSelectionModel().selectFirst();
        });
        Runnable pick = () -> {
            PaletteEntry entry = matches.getSelectionModel().getSelectedItem();
            if (entry == null && !matches.getItems().isEmpty()) {
                entry = matches.getItems().get(0);
            }
            hide();
            if (entry != null) {
                chosen.accept(entry);
            }
        };
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
            } else if (e.getCode() == KeyCode.DOWN) {
                matches.requestFocus();
            }
        });
        matches.setOnMouseClicked(e -> pick.run());
        matches.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pick.run();
            }
        });
        VBox box = new VBox(4, query, matches);
        box.getStyleClass().add("op-search-popup");
        getContent().add(box);
        setAutoHide(true);
    }

    public void showAt(Node owner, double screenX, double screenY) {
        query.clear();
        show(owner, screenX, screenY);
        query.requestFocus();
    }
}
