package org.gradviz.app.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DocumentException("no such file: " + file);
        } catch (IOException e) {
            throw new DocumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return text;
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
            throw new DocumentException("malformed JSON at " + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()), e);
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
        } catch (JsonMappingException e) {
            throw new DocumentException(path(e) + ": " + bindingProblem(e), e);
        } catch (JsonProcessingException e) {
            throw new DocumentException(firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String bindingProblem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field \"" + u.getPropertyName() + "\"";
        }
        if (e instanceof InvalidTypeIdException t) {
            return "unknown kind \"" + t.getTypeId() + "\" (use values, ones, zeros, eye, randn or full)";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "\"" + f.getValue() + "\" is not one of: " + enumNames(f.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            return "\"" + f.getValue() + "\" is not a valid " + f.getTargetType().getSimpleName().toLowerCase();
        }
        String message = firstLine(e.getOriginalMessage());
        return message.replaceAll("`[\\w.$]+`", "this value").replaceAll("\\(for [^)]*\\)", "").trim();
    }

    private static String enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> {
                    try {
                        var property = type.getField(((Enum<?>) c).name())
                                .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                        return property == null ? ((Enum<?>) c).name() : property.value();
                    } catch (NoSuchFieldException ex) {
                        return ((Enum<?>) c).name();
                    }
                })
                .collect(Collectors.joining(", "));
    }

    /** {@code nodes[3].op}: the JSON path of a binding error. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        var refs = e.getPath();
        if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) {
            refs = refs.subList(0, refs.size() - 1);
        }
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "document" : sb.toString();
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
