package org.gradviz.app.render;

import org.gradviz.app.script.format.PythonFormat;

/**
 * The {@code size} torchviz's {@code make_dot} gives its graph in {@code resize_graph(dot, size_per_element=0.15,
 * min_size=12)}: {@code max(12, 0.15 * len(dot.body))} inches square, one body line per node or edge statement, so
 * a big graph is drawn big instead of shrunk into 12 inches. Written as Python writes it: {@code 12} while the
 * content fits ({@code max} keeps the int on a tie), else the float's repr ({@code 12.15}, {@code 150.75}).
 */
final class TorchvizSize {
    private static final double INCHES_PER_LINE = 0.15;
    private static final int MIN_INCHES = 12;

    private TorchvizSize() {
    }

    /** The DOT {@code size} value for a body of {@code lines} statements: {@code "12,12"}, {@code "12.15,12.15"}. */
    static String of(int lines) {
        double content = lines * INCHES_PER_LINE;
        String side = content > MIN_INCHES ? PythonFormat.floatRepr(content) : Integer.toString(MIN_INCHES);
        return side + "," + side;
    }
}
