package org.gradviz.app.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a document: parse the JSON, check its {@code formatVersion}, migrate older trees, bind to records,
 * then validate. Every failure is a {@link DocumentException} with one line naming the place.
 */
public final class DocumentReader {
    private final Migrations migrations;
    private final int currentVersion;

    public DocumentReader() {
        this(Migrations.standard(), GraphDocument.CURRENT_VERSION);
    }

    /** A reader with its own migrations, for a format at {@code currentVersion} (tests use this). */
    DocumentReader(Migrations migrations, int currentVersion) {
        this.migrations = migrations;
        this.currentVersion = currentVersion;
    }

    public GraphDocument read(Path file) {
        return parse(readText(file));
    }

    /**
     * Reads a document the editor saved while it was still being built: every check but the one that
     * all required inputs are connected.
     */
    public GraphDocument readDraft(Path file) {
        return parseDraft(readText(file));
    }

    private static String readText(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DocumentException("no such file: " + file);
        } catch (IOException e) {
            throw new DocumentException("cannot read " + file + ": " + IoReason.of(e), e);
        }
        return Utf8Text.decode(bytes, file.toString());
    }

    public GraphDocument parse(String json) {
        ObjectNode tree = migrate(parseTree(json));
        GraphDocument document = bind(tree);
        DocumentValidator.validate(document);
        return document;
    }

    /** {@link #parse} for a draft: unconnected inputs are allowed (see {@link #readDraft}). */
    public GraphDocument parseDraft(String json) {
        GraphDocument document = bind(migrate(parseTree(json)));
        DocumentValidator.validateDraft(document);
        return document;
    }

    private static ObjectNode parseTree(String json) {
        JsonNode tree;
        try {
            tree = DocumentJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonProblem.parsing(e);
        }
        if (tree == null || !tree.isObject()) {
            throw new DocumentException("a gradviz document is a JSON object with a \"formatVersion\"");
        }
        return (ObjectNode) tree;
    }

    private ObjectNode migrate(ObjectNode tree) {
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToExactIntegral()) {
            throw new DocumentException("formatVersion is missing or not a whole number (this gradviz writes "
                    + currentVersion + ")");
        }
        int v = version.asInt();
        if (v > currentVersion) {
            throw new DocumentException("formatVersion " + v + " is newer than this gradviz (" + currentVersion
                    + "): update gradviz to open it");
        }
        if (v < 1) {
            throw new DocumentException("formatVersion " + v + " is not a gradviz format (versions start at 1)");
        }
        return migrations.upgrade(tree, v, currentVersion);
    }

    private static GraphDocument bind(ObjectNode tree) {
        try {
            return DocumentJson.MAPPER.treeToValue(tree, GraphDocument.class);
        } catch (JsonProcessingException e) {
            throw JsonProblem.binding(e, tree);
        }
    }
}
