package org.gradviz.app.render;

import org.gradviz.engine.Tensor;

/** micrograd's record label: {@code { name | data … | grad … }}, text escaped for Graphviz records. */
final class RecordLabel {
    private RecordLabel() {
    }

    /** With {@code forOutput} the gradient is left out when none was computed (outputs keep no .grad). */
    static String of(String title, Tensor t, boolean forOutput) {
        StringBuilder sb = new StringBuilder("{ ").append(escape(title));
        sb.append(" | data ").append(lines(ValueText.lines(t)));
        Tensor grad = t.gradOrNull();
        if (!forOutput || grad != null) {
            sb.append(" | grad ").append(lines(ValueText.lines(grad)));
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
