package org.gradviz.app.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of a torchviz-style DOT text without its ids: each node as its label and fill colour,
 * each edge as the labels at its two ends plus its attributes, in order.
 */
record DotStructure(List<String> nodes, List<String> edges) {
    private static final Pattern STATEMENT = Pattern.compile(
            "\\t(\\w+)(?: -> (\\w+))?(?: \\[((?:[^\\]\"]|\"(?:[^\"\\\\]|\\\\.)*\")*)\\])?\\n");
    private static final Pattern LABEL = Pattern.compile("label=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern FILL = Pattern.compile("fillcolor=(\\S+)");

    static DotStructure of(String dot) {
        Map<String, String> labels = new LinkedHashMap<>();
        List<String[]> rawEdges = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        Matcher m = STATEMENT.matcher(dot);
        while (m.find()) {
            String a = m.group(1);
            String attrs = m.group(3) == null ? "" : m.group(3);
            if (a.equals("graph") || a.equals("node") || a.equals("edge")) {
                continue;
            }
            if (m.group(2) != null) {
                rawEdges.add(new String[] {a, m.group(2), attrs});
            } else {
                Matcher l = LABEL.matcher(attrs);
                Matcher f = FILL.matcher(attrs);
                String label = l.find() ? l.group(1) : "";
                labels.put(a, label);
                nodes.add(label + " fill=" + (f.find() ? f.group(1) : "default"));
            }
        }
        List<String> edges = new ArrayList<>();
        for (String[] e : rawEdges) {
            edges.add(labels.get(e[0]) + " -> " + labels.get(e[1]) + (e[2].isEmpty() ? "" : " [" + e[2] + "]"));
        }
        return new DotStructure(nodes, edges);
    }

    /** Ids renamed n0, n1, … in order of first appearance. */
    static String normalizeIds(String dot) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\t(\\w+)(?: -> (\\w+))?").matcher(dot);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String a = m.group(1);
            if (a.equals("graph") || a.equals("node") || a.equals("edge")) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String na = ids.computeIfAbsent(a, k -> "n" + ids.size());
            String rep = "\t" + na + (m.group(2) == null ? "" : " -> " + ids.computeIfAbsent(m.group(2),
                    k -> "n" + ids.size()));
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
