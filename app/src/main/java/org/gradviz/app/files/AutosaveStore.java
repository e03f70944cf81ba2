package org.gradviz.app.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gradviz.app.document.AtomicFiles;
import org.gradviz.app.document.IoReason;
import org.gradviz.app.document.DocumentException;
import org.gradviz.app.document.DocumentReader;
import org.gradviz.app.document.DocumentWriter;
import org.gradviz.app.document.GraphDocument;

/**
 * The autosave folder: one file per running gradviz, {@code session-PID.json}, holding the unsaved document,
 * the file it belongs to and when it was written. A file whose process is gone is left from a session that
 * did not end cleanly; {@link Recovery} offers it back.
 */
public final class AutosaveStore {
    /** Overrides the folder (tests, or a portable setup). */
    public static final String FOLDER_PROPERTY = "gradviz.autosaveDir";
    private static final Pattern SESSION_FILE = Pattern.compile("session-(\\d+)\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final long pid;
    private final Clock clock;
    private final DocumentWriter writer = new DocumentWriter();
    private final DocumentReader reader = new DocumentReader();

    public AutosaveStore(Path folder, long pid, Clock clock) {
        this.folder = folder;
        this.pid = pid;
        this.clock = clock;
    }

    /** The store of this process in the user's folder. */
    public static AutosaveStore forThisProcess() {
        return new AutosaveStore(defaultFolder(), ProcessHandle.current().pid(), Clock.systemUTC());
    }

    /** {@code -Dgradviz.autosaveDir}, else {@code $XDG_CACHE_HOME/gradviz/autosave}, else {@code ~/.cache/gradviz/autosave}. */
    public static Path defaultFolder() {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gradviz").resolve("autosave");
    }

    /** This process's autosave file. */
    public Path file() {
        return folder.resolve("session-" + pid + ".json");
    }

    /** Writes {@code document} (belonging to {@code original}, null when untitled) atomically. */
    public void write(GraphDocument document, Path original) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("autosaveVersion", 1);
        root.put("file", original == null ? null : original.toAbsolutePath().toString());
        root.put("savedAt", clock.instant().toString());
        root.set("document", MAPPER.readTree(writer.toJson(document)));
        Files.createDirectories(folder);
        AtomicFiles.write(file(), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file());
    }

    /** The autosave files of other processes, newest first. */
    public List<Entry> othersNewestFirst() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = SESSION_FILE.matcher(file.getFileName().toString());
                if (m.matches() && Long.parseLong(m.group(1)) != pid) {
                    entries.add(new Entry(file, Long.parseLong(m.group(1)), Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::modified).reversed().thenComparing(Entry::file));
        return entries;
    }

    /** Reads an autosave file; a damaged one is a {@link DocumentException} naming the file. */
    public Recovered read(Entry entry) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(entry.file(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new DocumentException(entry.file() + ": damaged autosave: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DocumentException("cannot read " + entry.file() + ": " + IoReason.of(e), e);
        }
        if (root == null || !root.has("document")) {
            throw new DocumentException(entry.file() + ": damaged autosave: no document");
        }
        GraphDocument document = reader.parseDraft(root.get("document").toString());
        Path original = null;
        JsonNode file = root.get("file");
        if (file != null && file.isTextual()) {
            try {
                original = Path.of(file.asText());
            } catch (InvalidPathException e) {
                original = null;
            }
        }
        Instant savedAt = entry.modified();
        JsonNode when = root.get("savedAt");
        if (when != null && when.isTextual()) {
            try {
                savedAt = Instant.parse(when.asText());
            } catch (DateTimeParseException e) {
                savedAt = entry.modified();
            }
        }
        return new Recovered(document, Optional.ofNullable(original), savedAt);
    }

    /** An autosave file and the process that wrote it. */
    public record Entry(Path file, long pid, Instant modified) {
    }

    /** What an autosave file holds. */
    public record Recovered(GraphDocument document, Optional<Path> original, Instant savedAt) {
    }
}
