package org.gradviz.app.files;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.gradviz.app.icons.Icons;

/**
 * The File menu: New, Open…, Open Recent, Save, Save As…, Paste PyTorch Cell…, Quit, with their shortcuts
 * (Ctrl on Linux and Windows, Cmd on macOS). Open Recent follows {@link RecentFiles}.
 */
public final class FileMenu extends Menu {
    public static final KeyCombination NEW = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination OPEN = KeyCombination.keyCombination("Shortcut+O");
    public static final KeyCombination SAVE = KeyCombination.keyCombination("Shortcut+S");
    public static final KeyCombination SAVE_AS = KeyCombination.keyCombination("Shortcut+Shift+S");
    public static final KeyCombination PASTE_CELL = KeyCombination.keyCombination("Shortcut+Shift+V");
    public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");

    private final FileActions actions;
    private final Runnable closeWindow;
    private final Menu recent = new Menu("Open Recent");

    /**
     * @param closeWindow closes the main window once Quit has been confirmed (a close that does not ask again,
     *     such as {@code Stage::close})
     */
    public FileMenu(FileActions actions, Runnable closeWindow) {
        super("_File");
        this.actions = actions;
        this.closeWindow = closeWindow;
        createView();
        initListeners();
    }

    private void createView() {
        setId("file-menu");
        recent.setId("open-recent-menu");
        getItems().setAll(
                item("_New", NEW, Icons.NEW, actions::newDocument),
                item("_Open…", OPEN, Icons.OPEN, actions::open),
                recent,
                new SeparatorMenuItem(),
                item("_Save", SAVE, Icons.SAVE, actions::save),
                item("Save _As…", SAVE_AS, Icons.SAVE_AS, actions::saveAs),
                new SeparatorMenuItem(),
                item("_Paste PyTorch Cell…", PASTE_CELL, Icons.PASTE_CELL, actions::pasteCell),
                new SeparatorMenuItem(),
                item("_Quit", QUIT, Icons.QUIT, this::quit));
        fillRecent();
    }

    private void initListeners() {
        actions.recentFiles().files().addListener((ListChangeListener<Path>) change -> fillRecent());
    }

    private void quit() {
        if (actions.confirmDiscard()) {
            closeWindow.run();
        }
    }

    private void fillRecent() {
        recent.getItems().clear();
        var files = actions.recentFiles().files();
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (Path file : files) {
            // underscores in names are literal, not mnemonics
            MenuItem item = new MenuItem(FileActions.fileName(file) + "  —  " + parentOf(file));
            item.setMnemonicParsing(false);
            item.setUserData(file);
            item.setOnAction(e -> actions.openRecent(file));
            recent.getItems().add(item);
        }
        MenuItem clear = new MenuItem("Clear Recent Files");
        clear.setOnAction(e -> actions.recentFiles().clear());
        recent.getItems().addAll(new SeparatorMenuItem(), clear);
    }

    private static String parentOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? "" : parent.toString();
    }

    private static MenuItem item(String text, KeyCombination keys, Icons icon, Runnable action) {
        MenuItem item = new MenuItem(text, icon.create());
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The Open Recent submenu (for tests and the lead's menu bar). */
    public Menu recentMenu() {
        return recent;
    }
}
