package org.gradviz.app.render;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one door to Graphviz: the {@code dot} program ({@link DotProgram}) or viz.js embedded in J2V8
 * ({@link EmbeddedGraphviz}). One service per kind for the whole process, made on first use, so the slow
 * embedded engine starts once; both kinds can be used side by side.
 */
public final class GraphvizService implements AutoCloseable {
    private static final Map<GraphvizEngineKind, GraphvizService> SHARED = new EnumMap<>(GraphvizEngineKind.class);

    private final GraphvizEngineKind kind;
    private final GraphvizRunner runner;

    private GraphvizService(GraphvizEngineKind kind) {
        this.kind = kind;
        this.runner = kind == GraphvizEngineKind.DOT_BINARY ? new DotProgram() : new EmbeddedGraphviz(cacheFolder());
    }

    /**
     * The service of {@code kind} for this process, or of the engine {@link GraphvizEngineKind#detect()} finds
     * when {@code kind} is null.
     */
    public static synchronized GraphvizService shared(GraphvizEngineKind kind) {
        return SHARED.computeIfAbsent(kind == null ? GraphvizEngineKind.detect() : kind, GraphvizService::new);
    }

    public GraphvizEngineKind kind() {
        return kind;
    }

    /** Graphviz's SVG for {@code dot}. */
    public String svg(String dot) {
        return runner.render(dot, "svg");
    }

    /** The layout with drawing operations (Graphviz's {@code json} output, xdot ops per object). */
    public String layoutJson(String dot) {
        return runner.render(dot, "json");
    }

    /** {@code $XDG_CACHE_HOME/gradviz}, else {@code ~/.cache/gradviz}; {@code gradviz.cache} overrides both. */
    static Path cacheFolder() {
        String property = System.getProperty("gradviz.cache");
        if (property != null) {
            return Path.of(property);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("gradviz");
    }

    /** Stops this engine; the next {@link #shared} call for its kind starts a new one. */
    @Override
    public void close() {
        forget(this);
        runner.close();
    }

    private static synchronized void forget(GraphvizService service) {
        SHARED.remove(service.kind, service);
    }
}
