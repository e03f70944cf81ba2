package org.gradviz.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;

    private final Preferences node = TestPreferences.fresh();

    @AfterEach
    void forget() {
        TestPreferences.remove(node);
    }

    @Test
    void mostRecentComesFirst() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(dir.resolve("a.json"));
        recent.add(dir.resolve("b.json"));

        assertEquals(List.of(dir.resolve("b.json"), dir.resolve("a.json")), recent.files());
    }

    @Test
    void reopeningTheFileAtTheTopWritesNothing() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(dir.resolve("a.json"));
        recent.add(dir.resolve("b.json"));
        node.put("file.0", "marker"); // stands for the stored list: a write would replace it

        recent.add(dir.resolve("b.json"));

        assertEquals("marker", node.get("file.0", null));
        assertEquals(List.of(dir.resolve("b.json"), dir.resolve("a.json")), recent.files());
    }

    @Test
    void addingAFileAgainMovesItToTheTopOnce() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(dir.resolve("a.json"));
        recent.add(dir.resolve("b.json"));
        recent.add(dir.resolve("sub/../a.json"));

        assertEquals(List.of(dir.resolve("a.json"), dir.resolve("b.json")), recent.files());
    }

    @Test
    void keepsOnlyTheTenMostRecent() {
        RecentFiles recent = new RecentFiles(node);
        List<Path> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            recent.add(dir.resolve(i + ".json"));
            expected.add(0, dir.resolve(i + ".json"));
        }

        assertEquals(expected.subList(0, RecentFiles.MAX), recent.files());
    }

    @Test
    void listSurvivesARestart() {
        new RecentFiles(node).add(dir.resolve("a.json"));
        new RecentFiles(node).add(dir.resolve("b.py"));

        assertEquals(List.of(dir.resolve("b.py"), dir.resolve("a.json")), new RecentFiles(node).files());
    }

    @Test
    void relativePathsAreStoredAbsolute() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(Path.of("net.json"));

        assertEquals(Path.of("net.json").toAbsolutePath(), recent.files().get(0));
    }

    @Test
    void removeMissingDropsFilesThatAreGoneAndReturnsThem() throws IOException {
        Path kept = Files.writeString(dir.resolve("kept.json"), "{}");
        RecentFiles recent = new RecentFiles(node);
        recent.add(dir.resolve("gone.json"));
        recent.add(kept);

        List<Path> removed = recent.removeMissing();

        assertEquals(List.of(dir.resolve("gone.json")), removed);
        assertEquals(List.of(kept), new RecentFiles(node).files());
    }

    @Test
    void clearEmptiesTheStoredList() {
        RecentFiles recent = new RecentFiles(node);
        recent.add(dir.resolve("a.json"));
        recent.clear();

        assertEquals(List.of(), new RecentFiles(node).files());
    }
}
