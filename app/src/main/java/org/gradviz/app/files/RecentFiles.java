package org.gradviz.app.files;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files opened or saved lately, most recent first, each once, at most {@link #MAX}; kept in
 * {@link Preferences} (tests pass their own node) so the list survives a restart.
 */
public final class RecentFiles {
    public static final int MAX = 10;
    private static final String KEY = "file.";

    private final Preferences node;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences node) {
        this.node = node;
        files.setAll(load());
    }

    /** The list of this user, under the app's preferences. */
    public static RecentFiles standard() {
        return new RecentFiles(Preferences.userRoot().node("org/gradviz/recent-files"));
    }

    /** Puts {@code file} first (moving it up if it is there already) and drops the oldest past {@link #MAX}. */
    public void add(Path file) {
        Path normal = normalise(file);
        List<Path> next = new ArrayList<>(files);
        next.remove(normal);
        next.add(0, normal);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        update(next);
    }

    public void remove(Path file) {
        List<Path> next = new ArrayList<>(files);
        if (next.remove(normalise(file))) {
            update(next);
        }
    }

    /** Drops the files that no longer exist; returns them. */
    public List<Path> removeMissing() {
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            List<Path> next = new ArrayList<>(files);
            next.removeAll(missing);
            update(next);
        }
        return missing;
    }

    public void clear() {
        update(List.of());
    }

    /** Most recent first; changes as files are added and removed. */
    public ObservableList<Path> files() {
        return readOnly;
    }

    private void update(List<Path> next) {
        if (next.equals(files)) {
            // reopening the file at the top (as every start does with the example): nothing to write, and
            // writing would cost the first frame a preferences file (XML) flushed to disk
            return;
        }
        files.setAll(next);
        store(next);
    }

    private List<Path> load() {
        List<Path> loaded = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = node.get(KEY + i, null);
            if (value == null) {
                break;
            }
            try {
                Path path = normalise(Path.of(value));
                if (!loaded.contains(path)) {
                    loaded.add(path);
                }
            } catch (InvalidPathException e) {
                // written by another system or by hand: not a path here, so not offered
            }
        }
        return loaded;
    }

    private void store(List<Path> list) {
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                node.put(KEY + i, list.get(i).toString());
            } else {
                node.remove(KEY + i);
            }
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the list still works for this session; it is just not kept for the next one
        }
    }

    private static Path normalise(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
