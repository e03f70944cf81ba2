package org.gradviz.app.shell;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.gradviz.app.document.Theme;
import org.gradviz.app.editor.DisplaySettings;
import org.gradviz.app.editor.FontScale;

/**
 * The View menu's display items: Theme (Light, Dark, High Contrast), Larger and Smaller Text with the size now,
 * Reveal Step by Step, Blank Screen and Spotlight. The keys themselves are {@link LectureKeys}'.
 */
final class DisplayMenu {
    private DisplayMenu() {
    }

    static List<MenuItem> items(DisplaySettings display, LectureOverlay overlay) {
        MenuItem larger = new MenuItem("Larger Text");
        larger.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+EQUALS"));
        larger.setOnAction(e -> display.largerText());
        MenuItem smaller = new MenuItem("Smaller Text");
        smaller.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+MINUS"));
        smaller.setOnAction(e -> display.smallerText());
        MenuItem size = new MenuItem();
        size.setId("text-size-now");
        size.textProperty().bind(Bindings.createStringBinding(
                () -> "Text Size: " + FontScale.percent(display.fontScale()) + " (click for 100%)",
                display.fontScaleProperty()));
        size.setOnAction(e -> display.fontScaleProperty().set(FontScale.NORMAL));
        CheckMenuItem values = new CheckMenuItem("Values and Gradients");
        values.setId("values-shown");
        values.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+V"));
        values.selectedProperty().bindBidirectional(display.valuesShownProperty());
        CheckMenuItem reveal = new CheckMenuItem("Reveal Step by Step (values hidden until stepped to)");
        reveal.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+H"));
        reveal.selectedProperty().bindBidirectional(display.revealProperty());
        MenuItem blank = new MenuItem("Blank Screen (B; any key returns)");
        blank.setOnAction(e -> overlay.blankedProperty().set(true));
        CheckMenuItem spotlight = new CheckMenuItem("Spotlight Following the Mouse (L)");
        spotlight.selectedProperty().bindBidirectional(overlay.spotlightProperty());
        return List.of(new SeparatorMenuItem(), themes(display), larger, smaller, size, values, reveal, blank,
                spotlight);
    }

    private static Menu themes(DisplaySettings display) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("Theme");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(switch (theme) {
                case LIGHT -> "Light";
                case DARK -> "Dark";
                case HIGH_CONTRAST -> "High Contrast";
            });
            item.setId("theme-" + theme.id());
            item.setToggleGroup(group);
            item.setSelected(display.theme() == theme);
            item.setOnAction(e -> display.themeProperty().set(theme));
            display.themeProperty().addListener((obs, old, now) -> item.setSelected(now == theme));
            menu.getItems().add(item);
        }
        return menu;
    }
}
