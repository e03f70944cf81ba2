package org.gradviz.app.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes documents as stable, pretty-printed JSON; saving replaces the file atomically. */
public final class DocumentWriter {

    public String toJson(GraphDocument document) {
        try {
            if (document.tensors().stream().noneMatch(TensorSource::isIntegral)) {
                return DocumentJson.WRITER.writeValueAsString(document) + "\n";
            }
            return DocumentJson.WRITER.writeValueAsString(wholeNumbersOfIntegers(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new DocumentException("cannot write the document: " + e.getOriginalMessage(), e);
        }
    }

    /** The document's JSON tree with the values of its int64 tensors as whole numbers ({@code 3}, not {@code 3.0}). */
    private static ObjectNode wholeNumbersOfIntegers(GraphDocument document) {
        ObjectNode tree = DocumentJson.MAPPER.valueToTree(document);
        ArrayNode tensors = (ArrayNode) tree.get("tensors");
        for (int i = 0; i < document.tensors().size(); i++) {
            TensorSource t = document.tensors().get(i);
            JsonNode init = tensors.get(i).get("init");
            if (!t.isIntegral() || init == null) {
                continue;
            }
            if (init.get("data") instanceof ArrayNode data) {
                for (int k = 0; k < data.size(); k++) {
                    data.set(k, LongNode.valueOf((long) data.get(k).asDouble()));
                }
            }
            if (init.get("value") != null) {
                ((ObjectNode) init).put("value", (long) init.get("value").asDouble());
            }
        }
        return tree;
    }

    /**
     * Saves {@code document} to {@code file}: written to a temporary file in the same folder, then moved
     * over {@code file} in one step, so a crash never leaves a half-written document.
     */
    public void save(GraphDocument document, Path file) throws IOException {
        AtomicFiles.write(file, toJson(document).getBytes(StandardCharsets.UTF_8));
    }
}
