package org.gradviz.app.render;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one door to Graphviz. graphviz-java keeps its engine per thread and the V8 engine must stay on the
 * thread that made it, so every call runs on one dedicated daemon thread, where the engine is set up once.
 * The embedded engine's native library is extracted to gradviz's cache folder, not the home directory.
 */
public final class GraphvizService implements AutoCloseable {
    private static GraphvizService shared;

    private final GraphvizEngineKind kind;
    private final ExecutorService thread;

    private GraphvizService(GraphvizEngineKind kind) {
        this.kind = kind;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "gradviz-graphviz");
            t.setDaemon(true);
            return t;
        });
        call(() -> {
            Graphviz.useEngine(createEngine(kind));
            return null;
        });
    }

    /**
     * The service for this process, made on first use with {@code kind}, or with the engine
     * {@link GraphvizEngineKind#detect()} finds when {@code kind} is null.
     */
    public static synchronized GraphvizService shared(GraphvizEngineKind kind) {
        GraphvizEngineKind wanted = kind == null ? GraphvizEngineKind.detect() : kind;
        if (shared != null && shared.kind != wanted) {
            shared.close();
            shared = null;
        }
        if (shared == null) {
            shared = new GraphvizService(wanted);
        }
        return shared;
    }

    public GraphvizEngineKind kind() {
        return kind;
    }

    /** Graphviz's SVG for {@code dot}. */
    public String svg(String dot) {
        return call(() -> Graphviz.fromString(forEngine(dot)).render(Format.SVG).toString());
    }

    /** The layout with drawing operations (Graphviz's {@code json} output, xdot ops per object). */
    public String layoutJson(String dot) {
        return call(() -> Graphviz.fromString(forEngine(dot)).render(Format.JSON).toString());
    }

    private String forEngine(String dot) {
        return kind == GraphvizEngineKind.EMBEDDED ? GraphvizFontNames.forEmbeddedEngine(dot) : dot;
    }

    private static GraphvizEngine createEngine(GraphvizEngineKind kind) throws IOException {
        if (kind == GraphvizEngineKind.DOT_BINARY) {
            return new GraphvizCmdLineEngine();
        }
        Path dir = cacheFolder().resolve("j2v8");
        Files.createDirectories(dir);
        J2v8Library.preload(dir);
        return new GraphvizV8Engine(dir.toString());
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

    private <T> T call(java.util.concurrent.Callable<T> task) {
        Future<T> result = thread.submit(task);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while Graphviz was laying out the graph", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new RenderException("Graphviz (" + kind.name().toLowerCase().replace('_', ' ') + ") failed: "
                    + (cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst()
                    .orElse("")), cause);
        }
    }

    @Override
    public void close() {
        thread.submit(Graphviz::releaseEngine);
        thread.shutdown();
    }
}
