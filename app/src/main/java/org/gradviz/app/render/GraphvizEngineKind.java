package org.gradviz.app.render;

/** Which Graphviz does the layout: the {@code dot} program, or viz.js embedded in the J2V8 engine. */
public enum GraphvizEngineKind {
    DOT_BINARY,
    EMBEDDED;

    /** {@code dot} when it is on the PATH, else the embedded engine. */
    public static GraphvizEngineKind detect() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "dot"))) {
                    return DOT_BINARY;
                }
            }
        }
        return EMBEDDED;
    }
}
