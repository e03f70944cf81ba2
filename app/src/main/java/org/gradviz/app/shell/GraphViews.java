package org.gradviz.app.shell;

import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import org.gradviz.app.animation.view.AutogradView;
import org.gradviz.app.editor.EditorModel;
import org.gradviz.app.editor.canvas.GraphCanvas;

/**
 * The two views of the graph side by side, or one at a time: View ▸ Network View (Ctrl+4) and Autograd View
 * (Ctrl+5) show or hide each (hiding the last one shown brings the other back), and whether the autograd view
 * shows saved tensors and attributes, as torchviz's {@code show_saved} and {@code show_attrs}; the chain-rule lens
 * on or off (Ctrl+6).
 */
final class GraphViews {
    private final SplitPane split;
    private final GraphCanvas network;
    private final CheckMenuItem networkItem = check("Network View", "Shortcut+4");
    private final CheckMenuItem autogradItem = check("Autograd View", "Shortcut+5");
    private final CheckMenuItem savedItem = new CheckMenuItem("Autograd: Saved Tensors");
    private final CheckMenuItem attrsItem = new CheckMenuItem("Autograd: Saved Attributes");
    private final CheckMenuItem lensItem = check("Chain-Rule Lens", "Shortcut+6");

    GraphViews(EditorModel model, SplitPane split, GraphCanvas network, AutogradView autograd,
            javafx.scene.Node lensLayer) {
        this.split = split;
        this.network = network;
        networkItem.selectedProperty().addListener((obs, old, shown) -> show(network, shown, autogradItem));
        autogradItem.selectedProperty().addListener((obs, old, shown) -> show(autograd, shown, networkItem));
        savedItem.selectedProperty().bindBidirectional(model.autograd().showSavedProperty());
        attrsItem.selectedProperty().bindBidirectional(model.autograd().showAttrsProperty());
        lensLayer.visibleProperty().bind(lensItem.selectedProperty());
    }

    /** Shows or hides the autograd view (View ▸ Autograd View). */
    void setAutogradShown(boolean shown) {
        autogradItem.setSelected(shown);
    }

    List<MenuItem> items() {
        return List.of(new SeparatorMenuItem(), networkItem, autogradItem, lensItem, savedItem, attrsItem);
    }

    private void show(javafx.scene.Node view, boolean shown, CheckMenuItem other) {
        if (!shown && !other.isSelected()) {
            other.setSelected(true); // never both hidden
        }
        if (shown && !split.getItems().contains(view)) {
            split.getItems().add(view == network ? 0 : split.getItems().size(), view);
            split.setDividerPositions(0.5);
        } else if (!shown) {
            split.getItems().remove(view);
            split.getItems().get(0).requestFocus(); // the keys stay with the graph
        }
        // each view refits itself to its new size unless the user zoomed it
    }

    private static CheckMenuItem check(String text, String keys) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setSelected(true);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        return item;
    }
}
