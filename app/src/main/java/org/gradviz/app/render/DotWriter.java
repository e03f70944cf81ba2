package org.gradviz.app.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds DOT text line by line the way Python's {@code graphviz} package does (which torchviz uses):
 * a tab before every statement, attributes in the order given, IDs quoted only when they must be.
 */
final class DotWriter {
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMERAL = Pattern.compile("-?(\\.\\d+|\\d+(\\.\\d*)?)");
    private static final Set<String> KEYWORDS = Set.of("node", "edge", "graph", "digraph", "subgraph", "strict");

    private final List<String> lines = new ArrayList<>();
    private String indent = "\t";

    /** Attributes in the order given (key, value, key, value, …). */
    static Map<String, String> attrs(String... keyValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    DotWriter(String header) {
        lines.add(header + " {");
    }

    /** {@code graph [size="12,12"]}, {@code node [...]}: defaults for what follows. */
    DotWriter defaults(String kind, Map<String, String> attributes) {
        lines.add(indent + kind + " " + attributeList(attributes));
        return this;
    }

    DotWriter node(String id, Map<String, String> attributes) {
        lines.add(indent + quote(id) + (attributes.isEmpty() ? "" : " " + attributeList(attributes)));
        return this;
    }

    DotWriter edge(String from, String to, Map<String, String> attributes) {
        lines.add(indent + quote(from) + " -> " + quote(to)
                + (attributes.isEmpty() ? "" : " " + attributeList(attributes)));
        return this;
    }

    /** A raw statement such as {@code label=Parameters}. */
    DotWriter statement(String key, String value) {
        lines.add(indent + key + "=" + quote(value));
        return this;
    }

    DotWriter beginSubgraph(String name) {
        lines.add(indent + "subgraph " + quote(name) + " {");
        indent = indent + "\t";
        return this;
    }

    DotWriter endSubgraph() {
        indent = indent.substring(1);
        lines.add(indent + "}");
        return this;
    }

    String build() {
        return String.join("\n", lines) + "\n}\n";
    }

    private static String attributeList(Map<String, String> attributes) {
        StringBuilder sb = new StringBuilder("[");
        attributes.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(' ');
            }
            sb.append(k).append('=').append(quote(v));
        });
        return sb.append(']').toString();
    }

    /** Python graphviz's {@code quote}: plain names and numbers stay bare, anything else gets double quotes. */
    static String quote(String id) {
        if ((PLAIN_ID.matcher(id).matches() && !KEYWORDS.contains(id.toLowerCase())) || NUMERAL.matcher(id).matches()) {
            return id;
        }
        return "\"" + id.replace("\"", "\\\"") + "\"";
    }
}
