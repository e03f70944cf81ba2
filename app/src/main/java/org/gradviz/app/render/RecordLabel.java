package org.gradviz.app.render;

/** micrograd's record label: {@code { name | data … | grad … }}, text escaped for Graphviz records. */
final class RecordLabel {
    private RecordLabel() {
    }

    /** The gradient part is left out when {@code values} has none (an output that kept no .grad). */
    static String of(String title, PictureValues values) {
        StringBuilder sb = new StringBuilder("{ ").append(escape(title));
        sb.append(" | data ").append(lines(values.data()));
        if (values.grad() != null) {
            sb.append(" | grad ").append(lines(values.grad()));
        }
        return sb.append(" }").toString();
    }

    private static String lines(java.util.List<String> lines) {
        if (lines.size() == 1) {
            return escape(lines.get(0));
        }
        StringBuilder sb = new StringBuilder("\\l");
        for (String line : lines) {
            sb.append(escape(line)).append("\\l");
        }
        return sb.toString();
    }

    /** Backslash before the characters a record label treats as structure. */
    static String escape(String s) {
        return s.replaceAll("([{}|<>])", "\\\\$1");
    }
}
