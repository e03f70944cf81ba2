package org.gradviz.app.render;

/** One way of running Graphviz on DOT text: the {@code dot} program or the embedded viz.js. */
interface GraphvizRunner extends AutoCloseable {

    /** Graphviz's output for {@code dot} in {@code format}: {@code svg}, or {@code json} (layout with xdot ops). */
    String render(String dot, String format);

    @Override
    void close();
}
