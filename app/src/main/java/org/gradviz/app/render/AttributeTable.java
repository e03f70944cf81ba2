package org.gradviz.app.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradviz.app.script.format.PythonFormat;
import org.gradviz.engine.Node;
import org.gradviz.engine.SavedTensor;

/**
 * A backward node's name with its saved attributes underneath, exactly as torchviz's {@code get_fn_name}
 * writes them: keys left-aligned, values right-aligned, a dashed rule as wide as the name or the table.
 */
public final class AttributeTable {
    /** torchviz's default {@code max_attr_chars}. */
    private static final int MAX_ATTR_CHARS = 50;

    private AttributeTable() {
    }

    static String label(Node node) {
        String name = node.name();
        Map<String, String> attrs = new LinkedHashMap<>();
        node.savedValues().forEach((k, v) -> attrs.put(k, pythonStr(v)));
        if (attrs.isEmpty()) {
            return name;
        }
        int col1 = attrs.keySet().stream().mapToInt(String::length).max().orElse(0);
        int col2 = Math.min(attrs.values().stream().mapToInt(String::length).max().orElse(0), MAX_ATTR_CHARS);
        StringBuilder sb = new StringBuilder(name).append('\n').append("-".repeat(Math.max(col1 + col2 + 2,
                name.length())));
        attrs.forEach((k, v) -> {
            String value = v.length() > col2 ? v.substring(0, col2 - 3) + "..." : v;
            sb.append('\n').append(pad(k, col1, false)).append(": ").append(pad(value, col2, true));
        });
        return sb.toString();
    }

    /** Python's {@code str()} of a saved value. */
    public static String pythonStr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof SavedTensor) {
            return "[saved tensor]";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return PythonFormat.floatRepr(d);
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(pythonStr(list.get(i)));
            }
            return sb.append(list.size() == 1 ? ",)" : ")").toString();
        }
        return String.valueOf(v);
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
