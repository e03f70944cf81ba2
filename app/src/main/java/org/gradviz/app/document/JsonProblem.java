package org.gradviz.app.document;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Jackson exception as one line for the user: the JSON path ({@code edges[2]}, {@code nodes[0].op}) or the line
 * and column, what was found and what belongs there; never Jackson's class names or its hints about its own
 * features.
 */
final class JsonProblem {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']*)'");
    private static final Pattern NON_NUMBER = Pattern.compile("Non-standard token '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    /** Where Jackson's own advice starts in its messages. */
    private static final Pattern HINT = Pattern.compile(
            ":? ?(enable `|\\(not recognized|; to allow|\\(for |\\(through reference|\\(but could if).*$");
    private static final String KINDS = "values, ones, zeros, eye, randn or full";

    /** The nouns of the values each bound type stands for. */
    private static final Map<Class<?>, String> NOUNS = Map.ofEntries(
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Double.class, "a number"), Map.entry(double.class, "a number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "text in quotes"),
            Map.entry(Connection.class, "an edge"), Map.entry(TensorSource.class, "a tensor"),
            Map.entry(OpNode.class, "a node"), Map.entry(Position.class, "a position"),
            Map.entry(Initializer.class, "an init"), Map.entry(ViewSettings.class, "view settings"),
            Map.entry(List.class, "a list"), Map.entry(Map.class, "an object"),
            Map.entry(GraphDocument.class, "a document"));

    private JsonProblem() {
    }

    /** Text that is not JSON: where, and what is wrong. */
    static DocumentException parsing(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.lookingAt() && e.getProcessor() instanceof JsonParser parser) {
            return new DocumentException(path(parser.getParsingContext().getParent()) + ": "
                    + JsonText.quoted(duplicate.group(1)) + " is given twice (" + where(e.getLocation()) + ")",
                    e);
        }
        return new DocumentException("malformed JSON at " + where(e.getLocation()) + ": " + syntaxProblem(message), e);
    }

    /** A JSON document that does not bind to the records: at which path, and what belongs there. */
    static DocumentException binding(JsonProcessingException e, JsonNode tree) {
        if (e instanceof JsonMappingException m) {
            return new DocumentException(mappingProblem(m, tree), e);
        }
        if (e instanceof InputCoercionException c && c.getProcessor() != null) {
            JsonParser parser = c.getProcessor();
            return new DocumentException(path(parser.getParsingContext()) + ": " + valueText(parser)
                    + outOfRange(c), e);
        }
        return new DocumentException(firstLine(e.getOriginalMessage()), e);
    }

    private static String syntaxProblem(String message) {
        Matcher nonNumber = NON_NUMBER.matcher(message);
        if (nonNumber.lookingAt()) {
            return nonNumber.group(1) + " is not a JSON number (JSON has no NaN or Infinity)";
        }
        if (message.contains("maybe a (non-standard) comment")) {
            return "JSON has no comments";
        }
        return HINT.matcher(firstLine(message)).replaceFirst("").trim();
    }

    private static String mappingProblem(JsonMappingException e, JsonNode tree) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (e instanceof UnrecognizedPropertyException u) {
            return path(refs.subList(0, Math.max(0, refs.size() - 1))) + ": unknown field "
                    + JsonText.quoted(u.getPropertyName());
        }
        if (e instanceof InvalidTypeIdException t) {
            return path(refs) + ": " + (t.getTypeId() == null ? "\"kind\" is missing"
                    : "unknown kind " + JsonText.quoted(t.getTypeId())) + " (use " + KINDS + ")";
        }
        Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            boolean named = !refs.isEmpty() && missing.group(1).equals(refs.get(refs.size() - 1).getFieldName());
            return path(named ? refs.subList(0, refs.size() - 1) : refs) + ": " + JsonText.quoted(missing.group(1))
                    + " is missing";
        }
        JsonNode found = at(tree, refs);
        if (e.getCause() instanceof InputCoercionException c && found != null) {
            return path(refs) + ": " + found + outOfRange(c);
        }
        Class<?> target = e instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (found == null || target == null) {
            return path(refs) + ": " + HINT.matcher(firstLine(e.getOriginalMessage())).replaceFirst("")
                    .replaceAll("`[\\w.$]+`", "this value").trim();
        }
        String problem = found.toString() + " is not " + noun(target);
        if (found.isTextual() && isNumeric(target) && found.asText().matches("-?[0-9.eE+-]+")) {
            problem += " (write it without quotes)";
        } else if (found.isNull() && !refs.isEmpty() && refs.get(refs.size() - 1).getIndex() >= 0
                && !isScalar(target)) {
            problem += " (remove it)";
        }
        return path(refs) + ": " + problem;
    }

    private static String outOfRange(InputCoercionException c) {
        boolean isInt = c.getTargetType() == Integer.class || c.getTargetType() == int.class;
        return " is out of range (" + (isInt ? Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : Long.MIN_VALUE + " to " + Long.MAX_VALUE) + ")";
    }

    private static String noun(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants()).map(JsonProblem::enumName)
                    .collect(Collectors.joining(", "));
        }
        String noun = type == null ? null : NOUNS.get(type);
        return noun != null ? noun : "a " + (type == null ? "value" : type.getSimpleName().toLowerCase());
    }

    private static String enumName(Object constant) {
        Enum<?> e = (Enum<?>) constant;
        try {
            var property = e.getDeclaringClass().getField(e.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return property == null ? e.name() : property.value();
        } catch (NoSuchFieldException ex) {
            return e.name();
        }
    }

    private static boolean isNumeric(Class<?> type) {
        return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class;
    }

    private static boolean isScalar(Class<?> type) {
        return isNumeric(type) || type == Boolean.class || type == boolean.class || type == String.class
                || type.isEnum();
    }

    /** The node a binding error points at, or null when the path leaves the tree. */
    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : refs) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName())
                    : ref.getIndex() >= 0 ? node.get(ref.getIndex()) : node;
        }
        return node;
    }

    /** {@code nodes[3].op}: the JSON path of a binding error. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                appendName(sb, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "document" : sb.toString();
    }

    /** {@code tensors[0].name}: the path of a parser's place, from the document down. */
    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                appendName(sb, c.getCurrentName());
            }
        }
        return sb.length() == 0 ? "document" : sb.toString();
    }

    private static void appendName(StringBuilder sb, String name) {
        if (sb.length() > 0) {
            sb.append('.');
        }
        sb.append(name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : JsonText.quoted(name));
    }

    private static String valueText(JsonParser parser) {
        try {
            return parser.getText();
        } catch (java.io.IOException ex) {
            return "the number";
        }
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
